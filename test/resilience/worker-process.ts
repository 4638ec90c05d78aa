import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Config } from '../../config';

/**
 * A worker as production runs it, in ONE process. The e2e helper launches the tsx CLI, which runs the worker in a
 * child of its own: SIGKILL reaches only the launcher and the real worker lives on, orphaned. Loading tsx into node
 * itself means the pid we kill is the pid that holds the activities.
 */
export function singleProcessWorker(config: Config, extra: Record<string, string> = {}): () => ChildProcess {
  const root = join(__dirname, '..', '..');
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
    DATABASE_URL: config.DATABASE_URL!,
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    WORKFLOW_BUNDLE_PATH: config.WORKFLOW_BUNDLE_PATH!,
    PAYLOAD_CODEC_KEYS: (config.PAYLOAD_CODEC_KEYS ?? []).map(({ id, key }) => `${id}:${key}`).join(','),
    ACMA_SCHEDULE: 'off',
    FRAUD_SCHEDULE: 'off',
    FAIRNESS_SCHEDULE: 'off',
    LOG_LEVEL: 'warn',
    ...extra,
  };
  return () =>
    spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
}

export function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
