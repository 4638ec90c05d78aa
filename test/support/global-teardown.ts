import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export default async function globalTeardown(): Promise<void> {
  if (!process.env.SWITCHBOARD_TEST_STACK_OWNED || process.env.SWITCHBOARD_TEST_TEARDOWN_DONE) return;
  process.env.SWITCHBOARD_TEST_TEARDOWN_DONE = '1';
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', '.bin', 'tsx'), 'scripts/stack/cli.ts', 'down', '--profile', 'test'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
