/**
 * The monthly fairness blind test as a Temporal Schedule: a one-activity workflow (eval/fairness-workflow.ts) that
 * runs eval/fairness.ts on the worker, which already holds the config, the pool and the model provider.
 */
import type { Client } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import type { Pool } from 'pg';
import { join } from 'node:path';
import type { Config } from '../config';
import { runFairnessEval } from './fairness';
import { ensureSchedule } from '../workers/schedules';

export const FAIRNESS_SCHEDULE_ID = 'fairness-monthly-eval';

/** 04:00 Sydney on the 2nd, clear of the ACMA report on the 1st. */
export const ensureFairnessSchedule = (client: Client, taskQueue: string) =>
  ensureSchedule(client, {
    scheduleId: FAIRNESS_SCHEDULE_ID,
    spec: { calendars: [{ dayOfMonth: 2, hour: 4, minute: 0 }], timezone: 'Australia/Sydney' },
    action: {
      workflowType: 'monthlyFairnessEval',
      taskQueue,
      workflowId: 'fairness-eval',
      staticSummary: 'Monthly fairness blind test: same tickets, swapped names and postcodes',
    },
    catchupWindow: '7 days',
  });

export interface FairnessActivityResult {
  flagged: boolean;
  gaps: Array<{ metric: string; gap: number; flagged: boolean }>;
  report: string;
}

/** The worker registers this beside its other activities; progress ticks double as heartbeats. */
export function createFairnessActivities({ config, pool }: { config: Config; pool: Pool }) {
  return {
    async runFairnessEval(): Promise<FairnessActivityResult> {
      const heartbeat = { bar: () => ({ tick: () => Context.current().heartbeat() }), stop() {} };
      const result = await runFairnessEval({
        config,
        pool,
        reportsDir: join(config.REPORTS_DIR, 'eval'),
        progress: heartbeat,
      });
      return {
        flagged: result.flagged,
        gaps: result.figures.gaps.map(({ metric, gap, flagged }) => ({ metric, gap, flagged })),
        report: result.paths.markdown,
      };
    },
  };
}
