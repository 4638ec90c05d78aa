import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleWorkflows } from '../workers/workflow-bundle';

const root = join(__dirname, '..');

/** The production tree tsconfig.build.json compiles; what production code imports from elsewhere comes along. */
const productionRoots = ['workers', 'client', 'activities', 'workflows', 'domain', 'config', 'security'];

/**
 * Files outside those roots that the compiled code reads at run time, copied beside the JavaScript: the prompts
 * (activities/model/prompt-library resolves them from its own directory), the SQL migrations the image's migrate job
 * applies, and the ticket cases the worker's monthly fairness activity scores (eval/datasets/tickets.ts reads them
 * from its own directory).
 */
const assets = ['prompts', join('db', 'migrations'), join('eval', 'datasets', 'tickets-cases.jsonl')];

/** Every file under the production roots that is not TypeScript: what modules there read beside themselves. */
function dataFiles(): string[] {
  return productionRoots.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name))),
  );
}

/**
 * `npm run build [-- --out-dir <dir>]`: the production tree compiled to JavaScript (tsconfig.build.json), its
 * run-time assets, and the workflow bundle prebuilt, so a worker started with WORKFLOW_BUNDLE_PATH=<dir>/
 * workflow-bundle.js neither bundles nor needs TypeScript at start-up.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
  const outDir = resolve(root, values['out-dir']);
  // A stale file from a module since deleted must not ship.
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir],
    { stdio: 'inherit', cwd: root },
  );
  for (const asset of [...assets, ...dataFiles()]) cpSync(join(root, asset), join(outDir, asset), { recursive: true });
  const bundle = await bundleWorkflows({
    trace() {},
    debug() {},
    info() {},
    warn: console.warn,
    error: console.error,
    log() {},
  });
  writeFileSync(join(outDir, 'workflow-bundle.js'), bundle);
  console.log(`build: ${outDir} (workflow bundle ${(bundle.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
