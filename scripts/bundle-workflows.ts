import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflows } from '../workers/workflow-bundle';

/** Writes the workflow bundle a worker loads through WORKFLOW_BUNDLE_PATH instead of bundling at start-up. */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'workflow-bundle.js');
  const code = await bundleWorkflows();
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
