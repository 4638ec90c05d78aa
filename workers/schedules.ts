import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { monthlyComplianceReport } from '../workflows';

export const ACMA_SCHEDULE_ID = 'acma-monthly-report';

/**
 * Created at worker start-up; an existing schedule is left as it is, so every worker may call this. 02:00 Sydney on
 * the 1st; the run reports the previous month. SKIP never lets two runs overlap; a week's catch-up window covers a
 * cluster outage over the 1st.
 */
export async function ensureAcmaSchedule(client: Client, taskQueue: string): Promise<'created' | 'existing'> {
  try {
    await client.schedule.create<typeof monthlyComplianceReport>({
      scheduleId: ACMA_SCHEDULE_ID,
      spec: { calendars: [{ dayOfMonth: 1, hour: 2, minute: 0 }], timezone: 'Australia/Sydney' },
      action: {
        type: 'startWorkflow',
        workflowType: 'monthlyComplianceReport',
        taskQueue,
        args: [{}],
        workflowId: 'acma-report',
        staticSummary: 'Monthly ACMA data-breach report for the previous month',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
      state: { note: 'Created by the Switchboard worker at start-up' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'existing';
    throw error;
  }
}

export const FRAUD_SCHEDULE_ID = 'fraud-daily-sweep';

/** 03:00 Sydney every day, sweeping the day before; SKIP so a slow sweep never overlaps the next one. */
export async function ensureFraudSchedule(client: Client, taskQueue: string): Promise<'created' | 'existing'> {
  try {
    await client.schedule.create({
      scheduleId: FRAUD_SCHEDULE_ID,
      spec: { calendars: [{ hour: 3, minute: 0 }], timezone: 'Australia/Sydney' },
      action: {
        type: 'startWorkflow',
        workflowType: 'dailyFraudSweep',
        taskQueue,
        args: [{}],
        workflowId: 'fraud-sweep',
        staticSummary: 'Daily fraud sweep of the previous day',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: { note: 'Created by the Switchboard worker at start-up' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'existing';
    throw error;
  }
}
