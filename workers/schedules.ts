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

/** 02:00 Sydney on the 1st; the run reports the previous month. */
export const ensureAcmaSchedule = (client: Client, taskQueue: string) =>
  ensureSchedule(client, {
    scheduleId: ACMA_SCHEDULE_ID,
    spec: { calendars: [{ dayOfMonth: 1, hour: 2, minute: 0 }], timezone: 'Australia/Sydney' },
    action: {
      workflowType: 'monthlyComplianceReport',
      taskQueue,
      workflowId: 'acma-report',
      staticSummary: 'Monthly ACMA data-breach report for the previous month',
    },
    catchupWindow: '7 days',
  });

/** 03:00 Sydney every day, sweeping the day before. */
export const ensureFraudSchedule = (client: Client, taskQueue: string) =>
  ensureSchedule(client, {
    scheduleId: FRAUD_SCHEDULE_ID,
    spec: { calendars: [{ hour: 3, minute: 0 }], timezone: 'Australia/Sydney' },
    action: {
      workflowType: 'dailyFraudSweep',
      taskQueue,
      workflowId: 'fraud-sweep',
      staticSummary: 'Daily fraud sweep of the previous day',
    },
    catchupWindow: '1 day',
  });

export const FAIRNESS_SCHEDULE_ID = 'fairness-monthly-eval';

/** 04:00 Sydney on the 2nd, clear of the ACMA report on the 1st: the monthly fairness blind test. */
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
