import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflows } from '../../workers/workflow-bundle';

const root = join(__dirname, '..', '..');
const testDir = join(root, '.data', 'test');

/**
 * Runs once per jest run: uses the stack named by TEMPORAL_ADDRESS and DATABASE_URL, or starts a throwaway one
 * (real Temporal dev server, real PostgreSQL), and builds the workflow bundle once for every test worker.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SWITCHBOARD_TEST_SETUP_DONE) return;
  if (!process.env.TEMPORAL_ADDRESS || !process.env.DATABASE_URL) {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', '.bin', 'tsx'), 'scripts/stack/cli.ts', 'up', '--profile', 'test', '--detach'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    const info = JSON.parse(readFileSync(join(testDir, 'stack.json'), 'utf8'));
    process.env.TEMPORAL_ADDRESS = info.temporalAddress;
    process.env.DATABASE_URL = info.databaseUrl;
    process.env.PAYLOAD_CODEC_KEYS ??= info.codecKeys;
    if (info.temporalUiUrl) process.env.TEMPORAL_UI_URL ??= info.temporalUiUrl;
    process.env.SWITCHBOARD_TEST_STACK_OWNED = '1';
  }
  mkdirSync(testDir, { recursive: true });
  const code = await bundleWorkflows({
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error: console.error,
    log() {},
  } as never);
  const bundlePath = join(testDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);
  process.env.WORKFLOW_BUNDLE_PATH = bundlePath;
  process.env.SWITCHBOARD_TEST_SETUP_DONE = '1';
}
