import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackInfo } from '../../tooling/stack';
import { bundleWorkflows } from '../../workers/workflow-bundle';

const root = join(__dirname, '..', '..');
const stackFile = join(root, '.data', 'cluster', 'stack.json');

/**
 * Brings up the stack's cluster profile (the official server on PostgreSQL, TLS, JWT authorization) unless it is
 * already up, and hands its settings to the tests under CLUSTER_*, apart from the dev-server stack other projects
 * of the same run use under TEMPORAL_ADDRESS.
 */
export default async function clusterSetup(): Promise<void> {
  if (process.env.SWITCHBOARD_CLUSTER_SETUP_DONE) return;
  if (!existsSync(stackFile)) {
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    // The other projects' set-up may already point this process at the test stack: the cluster brings its own.
    const env = { ...process.env };
    for (const name of [
      'TEMPORAL_ADDRESS',
      'DATABASE_URL',
      'DATABASE_APP_URL',
      'PAYLOAD_CODEC_KEYS',
      'AUDIT_CHAIN_KEYS',
    ])
      delete env[name];
    execFileSync(process.execPath, [tsx, 'scripts/stack/cli.ts', 'up', '--profile', 'cluster', '--detach'], {
      cwd: root,
      stdio: 'inherit',
      env,
    });
    process.env.SWITCHBOARD_CLUSTER_OWNED = '1';
  }
  const info = JSON.parse(readFileSync(stackFile, 'utf8')) as StackInfo;
  if (!info.temporalCluster) throw new Error(`${stackFile} does not describe a cluster`);
  process.env.CLUSTER_STACK_FILE = stackFile;
  if (!process.env.WORKFLOW_BUNDLE_PATH) {
    const dir = join(root, '.data', 'cluster');
    mkdirSync(dir, { recursive: true });
    const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };
    const bundlePath = join(dir, 'workflow-bundle.js');
    writeFileSync(bundlePath, await bundleWorkflows(quiet as never));
    process.env.CLUSTER_WORKFLOW_BUNDLE_PATH = bundlePath;
  } else process.env.CLUSTER_WORKFLOW_BUNDLE_PATH = process.env.WORKFLOW_BUNDLE_PATH;
  process.env.SWITCHBOARD_CLUSTER_SETUP_DONE = '1';
}
