import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export default async function clusterTeardown(): Promise<void> {
  if (!process.env.SWITCHBOARD_CLUSTER_OWNED || process.env.SWITCHBOARD_CLUSTER_TEARDOWN_DONE) return;
  process.env.SWITCHBOARD_CLUSTER_TEARDOWN_DONE = '1';
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  execFileSync(process.execPath, [tsx, 'scripts/stack/cli.ts', 'down', '--profile', 'cluster'], {
    cwd: root,
    stdio: 'inherit',
  });
}
