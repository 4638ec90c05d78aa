import type { Client } from '@temporalio/client';
import { searchAttributes as sa } from '../domain/search-attributes';
import type { AnalystDecision } from '../activities/fraud';
import { signedDecisionSchema, type SignedDecision } from '../domain/decisions';
import type { dailyFraudSweep, recordFraudDecision } from '../workflows';
import { sweepProgressQuery, type SweepProgress } from '../workflows/fraud/messages';
import type { FraudDecisionResult } from '../workflows/fraud/recordFraudDecision';
import { InvalidRequestError } from './validate';
import { issueLines } from '../domain/zod-issues';

/** Manual sweeps for any date, their progress, and analysts' signed decisions. */
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
    /**
     * Records an analyst's signed verdict: confirm fraud, investigate, or close as legitimate (which allowlists the
     * account's patterns). The flag is the one the statement names unless `flag` says which one the caller means, in
     * which case a verdict signed for another account is refused by the run, in history, rather than here.
     */
    async decide(signed: SignedDecision, flag?: FraudFlagRef): Promise<FraudDecisionResult> {
      const parsed = signedDecisionSchema.safeParse(signed);
      if (!parsed.success)
        throw new InvalidRequestError('signed decision', issueLines(parsed.error, { root: '(input)' }));
      const { statement } = parsed.data;
      const target = flag ?? fraudFlagOf(statement.subject);
      if (!target) throw new InvalidRequestError('signed decision', ['subject must be <account>@<YYYY-MM-DD>']);
      return client.workflow.execute<typeof recordFraudDecision>('recordFraudDecision', {
        taskQueue,
        workflowId: fraudDecisionWorkflowId(target, statement.identity),
        args: [{ signed, ...target }],
        // The account number is the bank's opaque reference, never a name or contact detail.
        typedSearchAttributes: [
          { key: sa.UseCase, value: 'fraud_decision' },
          { key: sa.AccountRef, value: target.accountId },
        ],
        staticSummary: `Fraud decision for account ${target.accountId}: ${statement.decision}`,
        // A claim until the run verifies it: the Approver search attribute is set only from the verified identity.
        staticDetails: `**Sweep date** ${target.sweepDate}\n\n**Signed as** ${statement.identity} (verified by the run)`,
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    },
  };
}

export interface FraudFlagRef {
  sweepDate: string;
  accountId: string;
}

/**
 * The run that records `identity`'s verdict on a flag: what a signer binds its statement to. One analyst's later
 * verdict on the same flag reuses the id once the earlier run has closed; the nonce keeps each signature single-use.
 */
export const fraudDecisionWorkflowId = (flag: FraudFlagRef, identity: string) =>
  `fraud-decision-${flag.sweepDate}-${flag.accountId}-${identity}`;

/** `account@date` → the flag it names, or null. */
export function fraudFlagOf(subject: string): FraudFlagRef | null {
  const match = /^(\d{1,18})@(\d{4}-\d{2}-\d{2})$/.exec(subject);
  return match ? { accountId: match[1]!, sweepDate: match[2]! } : null;
}

export type FraudClient = ReturnType<typeof createFraudClient>;
export type { AnalystDecision, FraudDecisionResult };
