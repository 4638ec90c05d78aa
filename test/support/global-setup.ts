import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChainKeyEntry } from '../../activities/audit/chain-keys';
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
    process.env.AUDIT_CHAIN_KEYS ??= info.auditChainKeys;
    process.env.DATABASE_APP_URL ??= info.appDatabaseUrl;
    if (info.temporalUiUrl) process.env.TEMPORAL_UI_URL ??= info.temporalUiUrl;
    process.env.SWITCHBOARD_TEST_STACK_OWNED = '1';
  }
  auditEnvFromStacks();
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

/**
 * Every test process must sign audit rows with one key, or the shared chain stops verifying. Given only a stack's
 * DATABASE_URL (a lane), its chain key and application login come from that stack's stack.json; failing that, one
 * key is made for this run. DATABASE_APP_URL stays unset then, and workers connect as DATABASE_URL.
 */
function auditEnvFromStacks(): void {
  if (process.env.AUDIT_CHAIN_KEYS && process.env.DATABASE_APP_URL) return;
  const dataDir = join(root, '.data');
  for (const profile of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    const file = join(dataDir, profile, 'stack.json');
    if (!existsSync(file)) continue;
    const info = JSON.parse(readFileSync(file, 'utf8'));
    if (info.databaseUrl !== process.env.DATABASE_URL) continue;
    if (info.auditChainKeys) process.env.AUDIT_CHAIN_KEYS ??= info.auditChainKeys;
    if (info.appDatabaseUrl) process.env.DATABASE_APP_URL ??= info.appDatabaseUrl;
  }
  process.env.AUDIT_CHAIN_KEYS ??= generateChainKeyEntry('test-1');
}
