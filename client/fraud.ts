import type { Client } from '@temporalio/client';
import { searchAttributes as sa } from '../domain/search-attributes';
import type { AnalystDecision } from '../activities/fraud';
import type { dailyFraudSweep, recordFraudDecision } from '../workflows';
import { sweepProgressQuery, type SweepProgress } from '../workflows/fraud/dailyFraudSweep';
import { InvalidRequestError } from './validate';

/** Manual sweeps for any date, their progress, and analysts' decisions. */
export function createFraudClient({ client, taskQueue }: { client: Client; taskQueue: string }) {
  return {
    async startSweep(
      sweepDate: string,
      { batchSize = 50, batchesPerRun = 20 }: { batchSize?: number; batchesPerRun?: number } = {},
    ): Promise<{ workflowId: string }> {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(sweepDate)) throw new InvalidRequestError('sweep date', ['must be YYYY-MM-DD']);
      const workflowId = `fraud-sweep-${sweepDate}`;
      await client.workflow.start<typeof dailyFraudSweep>('dailyFraudSweep', {
        taskQueue,
        workflowId,
        args: [{ sweepDate, batchSize, batchesPerRun }],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        staticSummary: `Fraud sweep for ${sweepDate}`,
        staticDetails: `**Sweep date** ${sweepDate}\n\nBatches of ${batchSize}, ${batchesPerRun} per run before continue-as-new.`,
      });
      return { workflowId };
    },
    progress: (workflowId: string): Promise<SweepProgress> =>
      client.workflow.getHandle(workflowId).query(sweepProgressQuery),
    result: (workflowId: string): Promise<SweepProgress> => client.workflow.getHandle(workflowId).result(),
    /** Confirm fraud, investigate, or close as legitimate; closing allowlists the account's patterns. */
    async decide(decision: AnalystDecision) {
      return client.workflow.execute<typeof recordFraudDecision>('recordFraudDecision', {
        taskQueue,
        workflowId: `fraud-decision-${decision.sweepDate}-${decision.accountId}-${decision.analyst}`,
        args: [decision],
        // The account number is the bank's opaque reference, never a name or contact detail.
        typedSearchAttributes: [
          { key: sa.UseCase, value: 'fraud_decision' },
          { key: sa.AccountRef, value: decision.accountId },
        ],
        staticSummary: `Fraud decision for account ${decision.accountId}: ${decision.decision}`,
        staticDetails: `**Sweep date** ${decision.sweepDate}\n\n**Analyst** ${decision.analyst}`,
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    },
  };
}

export type FraudClient = ReturnType<typeof createFraudClient>;
export type { AnalystDecision };
