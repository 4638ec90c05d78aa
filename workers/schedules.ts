import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleSpec,
} from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { Config } from '../config';

export const ACMA_SCHEDULE_ID = 'acma-monthly-report';
export const FRAUD_SCHEDULE_ID = 'fraud-daily-sweep';

/**
 * Created at worker start-up; an existing schedule is left as it is, so every worker may call this. SKIP never lets
 * two runs overlap; the catch-up window covers a cluster outage over the scheduled time.
 */
export async function ensureSchedule(
  client: Client,
  schedule: {
    scheduleId: string;
    spec: ScheduleSpec;
    action: Omit<ScheduleOptionsStartWorkflowAction<Workflow>, 'type' | 'args'>;
    catchupWindow: string;
    /** The workflow's arguments; `[{}]` when absent. */
    args?: unknown[];
  },
): Promise<'created' | 'existing'> {
  try {
    await client.schedule.create({
      scheduleId: schedule.scheduleId,
      spec: schedule.spec,
      action: { type: 'startWorkflow', args: schedule.args ?? [{}], ...schedule.action },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: schedule.catchupWindow },
      state: { note: 'Created by the Switchboard worker at start-up' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'existing';
    throw error;
  }
}

export const FAIRNESS_SCHEDULE_ID = 'fairness-monthly-eval';

interface CalendarSchedule {
  scheduleId: string;
  /** Sydney time: the operator's business day, across daylight saving. */
  at: { dayOfMonth?: number; hour: number };
  workflowType: string;
  workflowId: string;
  summary: string;
  catchupWindow: string;
}

/** A workflow started at a fixed Sydney time with no arguments; it works out its own period from the time it runs. */
const calendarSchedule =
  (entry: CalendarSchedule) =>
  (client: Client, taskQueue: string, args?: unknown[]): Promise<'created' | 'existing'> =>
    ensureSchedule(client, {
      ...(args ? { args } : {}),
      scheduleId: entry.scheduleId,
      spec: { calendars: [{ ...entry.at, minute: 0 }], timezone: 'Australia/Sydney' },
      action: {
        workflowType: entry.workflowType,
        taskQueue,
        workflowId: entry.workflowId,
        staticSummary: entry.summary,
      },
      catchupWindow: entry.catchupWindow,
    });

/** 02:00 Sydney on the 1st; the run reports the previous month. */
export const ensureAcmaSchedule = calendarSchedule({
  scheduleId: ACMA_SCHEDULE_ID,
  at: { dayOfMonth: 1, hour: 2 },
  workflowType: 'monthlyComplianceReport',
  workflowId: 'acma-report',
  summary: 'Monthly ACMA data-breach report for the previous month',
  catchupWindow: '7 days',
});

/** 03:00 Sydney every day, sweeping the day before. */
const ensureFraudCalendar = calendarSchedule({
  scheduleId: FRAUD_SCHEDULE_ID,
  at: { hour: 3 },
  workflowType: 'dailyFraudSweep',
  workflowId: 'fraud-sweep',
  summary: 'Daily fraud sweep of the previous day',
  catchupWindow: '1 day',
});

/** The scheduled sweep's input from the worker's config: empty in sync mode, as the schedule was before batch mode. */
export function fraudSweepSettings(config: Pick<Config, 'FRAUD_SUMMARY_MODE' | 'FRAUD_BATCH_POLL_INTERVAL'>) {
  return config.FRAUD_SUMMARY_MODE === 'batch'
    ? { summaryMode: 'batch' as const, batchPollIntervalMs: config.FRAUD_BATCH_POLL_INTERVAL }
    : {};
}

/**
 * The daily sweep's schedule, its input carrying the FRAUD_SUMMARY_MODE settings. An existing schedule keeps its spec
 * and policies, but gets the settings of the worker's config when they differ, so a changed setting takes effect at
 * the next run ('updated'). Workers of one deployment share one config; two configs would overwrite each other.
 */
export async function ensureFraudSchedule(
  client: Client,
  taskQueue: string,
  settings: ReturnType<typeof fraudSweepSettings> = {},
): Promise<'created' | 'existing' | 'updated'> {
  const outcome = await ensureFraudCalendar(client, taskQueue, [settings]);
  if (outcome === 'created') return outcome;
  const handle = client.schedule.getHandle(FRAUD_SCHEDULE_ID);
  const current = (await handle.describe()).action;
  const currentArgs = current.type === 'startWorkflow' ? current.args : undefined;
  if (JSON.stringify(currentArgs?.[0] ?? {}) === JSON.stringify(settings)) return 'existing';
  await handle.update((previous) =>
    previous.action.type === 'startWorkflow'
      ? { ...previous, action: { ...previous.action, args: [settings] } }
      : previous,
  );
  return 'updated';
}

/** 04:00 Sydney on the 2nd, clear of the ACMA report on the 1st: the monthly fairness blind test. */
export const ensureFairnessSchedule = calendarSchedule({
  scheduleId: FAIRNESS_SCHEDULE_ID,
  at: { dayOfMonth: 2, hour: 4 },
  workflowType: 'monthlyFairnessEval',
  workflowId: 'fairness-eval',
  summary: 'Monthly fairness blind test: same tickets, swapped names and postcodes',
  catchupWindow: '7 days',
});

export const AUDIT_ANCHOR_SCHEDULE_ID = 'audit-chain-anchor';

/**
 * Copies the audit chain's head into Temporal history every `everyMs`: rows cut from the end of the chain after an
 * anchor are then missing against it. A missed run costs only resolution, so there is no long catch-up.
 */
export const ensureAuditAnchorSchedule = (client: Client, taskQueue: string, chainId: string, everyMs: number) =>
  ensureSchedule(client, {
    scheduleId: `${AUDIT_ANCHOR_SCHEDULE_ID}-${chainId}`,
    spec: { intervals: [{ every: everyMs }] },
    action: {
      workflowType: 'anchorAuditChain',
      taskQueue,
      workflowId: `audit-anchor-${chainId}`,
      staticSummary: `Anchor the ${chainId} audit chain head in Temporal history`,
    },
    catchupWindow: '10 minutes',
  });
