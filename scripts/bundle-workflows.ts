import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflows } from '../workers/workflow-bundle';
import { runScript, scriptCommand } from '../client/cli/script-args';

export interface BundleOptions {
  /** Where the bundle is written, resolved against the working directory. */
  out: string;
}

/** `npm run bundle -- [file]`, or `npx tsx scripts/bundle-workflows.ts [file]` */
export async function parseBundleOptions(argv: string[]): Promise<BundleOptions> {
  const { program } = await scriptCommand(
    'npm run bundle --',
    'Write the workflow bundle a worker loads through WORKFLOW_BUNDLE_PATH instead of bundling at start-up',
  );
  program.argument('[file]', 'where to write the bundle', 'workflow-bundle.js');
  const [file] = program.parse(argv, { from: 'user' }).processedArgs as [string];
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
