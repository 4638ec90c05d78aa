import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleSpec,
} from '@temporalio/client';
import type { Workflow } from '@temporalio/common';

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
  },
): Promise<'created' | 'existing'> {
  try {
    await client.schedule.create({
      scheduleId: schedule.scheduleId,
      spec: schedule.spec,
      action: { type: 'startWorkflow', args: [{}], ...schedule.action },
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
  (client: Client, taskQueue: string): Promise<'created' | 'existing'> =>
    ensureSchedule(client, {
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
export const ensureFraudSchedule = calendarSchedule({
  scheduleId: FRAUD_SCHEDULE_ID,
  at: { hour: 3 },
  workflowType: 'dailyFraudSweep',
  workflowId: 'fraud-sweep',
  summary: 'Daily fraud sweep of the previous day',
  catchupWindow: '1 day',
});

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
