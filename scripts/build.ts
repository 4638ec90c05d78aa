import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { bundleWorkflows } from '../workers/workflow-bundle';
import { runScript, scriptCommand } from '../client/cli/script-args';

const root = join(__dirname, '..');

/** The production tree tsconfig.build.json compiles; what production code imports from elsewhere comes along. */
const productionRoots = ['workers', 'client', 'activities', 'workflows', 'domain', 'config', 'security'];

/**
 * Files outside those roots that the compiled code reads at run time, copied beside the JavaScript: the prompts
 * (activities/model/prompt-library resolves them from its own directory) and the SQL migrations the image's migrate
 * job applies. Data under the roots (the ticket cases the monthly fairness activity scores) comes with dataFiles().
 */
const assets = ['prompts', join('db', 'migrations')];

/** Every file under the production roots that is not TypeScript: what modules there read beside themselves. */
function dataFiles(): string[] {
  return productionRoots.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name))),
  );
}

export interface BuildOptions {
  /** Where the build goes, resolved against the repository root. */
  outDir: string;
}

/** `npm run build [-- --out-dir <dir>]` */
export async function parseBuildOptions(argv: string[]): Promise<BuildOptions> {
  const { program } = await scriptCommand(
    'npm run build --',
    'Compile the production tree to JavaScript with its run-time assets and a prebuilt workflow bundle',
  );
  program.option('--out-dir <dir>', 'where the build goes, relative to the repository root', 'dist');
  const { outDir } = program.parse(argv, { from: 'user' }).opts<BuildOptions>();
  return { outDir: resolve(root, outDir) };
}

/**
 * The production tree compiled to JavaScript (tsconfig.build.json), its run-time assets, and the workflow bundle
 * prebuilt, so a worker started with WORKFLOW_BUNDLE_PATH=<dir>/workflow-bundle.js neither bundles nor needs
 * TypeScript at start-up.
 */
async function main(): Promise<void> {
  const { outDir } = await parseBuildOptions(process.argv.slice(2));
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

if (require.main === module) runScript(main);
