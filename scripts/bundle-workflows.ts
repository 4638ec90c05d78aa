import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflows } from '../workers/workflow-bundle';
import { runScript, parseSingleArgument } from '../client/cli/script-args';

export interface BundleOptions {
  /** Where the bundle is written, resolved against the working directory. */
  out: string;
}

/** `npm run bundle -- [file]`, or `npx tsx scripts/bundle-workflows.ts [file]` */
export async function parseBundleOptions(argv: string[]): Promise<BundleOptions> {
  const file = await parseSingleArgument(argv, {
    usage: 'npm run bundle --',
    description:
      'Write the workflow bundle a worker loads through WORKFLOW_BUNDLE_PATH instead of bundling at start-up',
    argument: '[file]',
    help: 'where to write the bundle',
    defaultValue: 'workflow-bundle.js',
  });
  return { out: resolve(file) };
}

/** Writes the workflow bundle a worker loads through WORKFLOW_BUNDLE_PATH instead of bundling at start-up. */
async function main(): Promise<void> {
  const { out } = await parseBundleOptions(process.argv.slice(2));
  const code = await bundleWorkflows();
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

if (require.main === module) runScript(main);
