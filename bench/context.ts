import type { Client } from '@temporalio/client';
import type { Config } from '../config';

export type BenchSize = 'full' | 'ci';

/** What every part of the benchmark shares: parsed once in bench/main.ts. */
export interface BenchContext {
  config: Config;
  client: Client;
  size: BenchSize;
  runId: string;
  /** Where worker logs and the JSON report go. */
  outDir: string;
  /** The environment a worker process needs for the stack under test, before per-phase settings. */
  stackEnv: Record<string, string>;
  workflowBundlePath: string;
  /** The process that started the stack, whose descendants are the Temporal server and PostgreSQL; null if unknown. */
  supervisorPid: number | null;
  /** The Temporal server's pid where the stack knows it directly (the cluster profile records it). */
  stackPids?: () => number | null;
  log(line: string): void;
}

/** Environment for one phase's worker: its own task queue, no schedules, and the stack's address, database and keys. */
export function workerEnv(ctx: BenchContext, taskQueue: string, extra: Record<string, string> = {}) {
  return {
    ...ctx.stackEnv,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: ctx.workflowBundlePath,
    ACMA_SCHEDULE: 'off',
    FRAUD_SCHEDULE: 'off',
    FAIRNESS_SCHEDULE: 'off',
    MODEL_PROVIDER: 'offline',
    OFFLINE_LATENCY: '0',
    ...extra,
  };
}
