import { continueAsNew, defineQuery, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { Activities } from '../../activities';
import { nonRetryableErrorTypes } from '../../domain/errors';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { showDetails } from '../audit';
import { workflowNow } from '../clock';
import { addDays } from '../compliance/rules';
import { localDate } from '../fault/policy';

export interface SweepProgress {
  sweepDate: string;
  scanned: number;
  flagged: number;
  summarised: number;
  queued: number;
  unverified: number;
  costUsd: number;
}

export interface DailyFraudSweepInput {
  /** YYYY-MM-DD; absent for the scheduled run, which sweeps yesterday in Sydney. */
  sweepDate?: string;
  batchSize?: number;
  /** Batches per run before continue-as-new, which keeps history small on a day with many flags. */
  batchesPerRun?: number;
  /** Carried across continue-as-new. */
  cursor?: string;
  progress?: SweepProgress;
}

export const sweepProgressQuery = defineQuery<SweepProgress>('progress');

const retry: RetryPolicy = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '1m',
  nonRetryableErrorTypes,
};
const backend = proxyActivities<Activities>({ startToCloseTimeout: '10m', retry });
// Model calls per account: the heartbeat after each account notices a dead worker within a minute.
const summaries = proxyActivities<Activities>({ startToCloseTimeout: '30m', heartbeatTimeout: '1m', retry });

/** 000 pattern 3: detect in SQL, summarise each flagged account, queue it for analysts. Re-running a date adds nothing. */
export async function dailyFraudSweep(input: DailyFraudSweepInput = {}): Promise<SweepProgress> {
  const sweepDate = input.sweepDate ?? addDays(localDate(workflowNow(), 'Australia/Sydney'), -1);
  const batchSize = input.batchSize ?? 50;
  const batchesPerRun = input.batchesPerRun ?? 20;
  const progress: SweepProgress = input.progress ?? {
    sweepDate,
    scanned: 0,
    flagged: 0,
    summarised: 0,
    queued: 0,
    unverified: 0,
    costUsd: 0,
  };
  setHandler(sweepProgressQuery, () => progress);
  upsertSearchAttributes([{ key: sa.UseCase, value: 'fraud_sweep' }]);
  const publish = (stage: string) =>
    showDetails(`Fraud sweep ${sweepDate}: ${stage}`, [
      `${progress.scanned} accounts scanned, ${progress.flagged} flagged`,
      `${progress.summarised} summarised, ${progress.queued} queued for analysts, ${progress.unverified} unverified`,
      `Model cost so far $${progress.costUsd.toFixed(4)}`,
    ]);
  publish(input.cursor === undefined ? 'detecting' : 'summarising');

  if (input.cursor === undefined) {
    const detected = await backend.detectFraud.executeWithOptions({ summary: `Detect anomalies for ${sweepDate}` }, [
      { sweepDate },
    ]);
    progress.scanned = detected.scanned;
    progress.flagged = detected.flagged;
  }
  let cursor = input.cursor ?? '0';
  for (let batch = 0; batch < batchesPerRun; batch += 1) {
    const { accountIds } = await backend.nextFraudBatch.executeWithOptions(
      { summary: `Fetch up to ${batchSize} flagged accounts` },
      [{ sweepDate, after: cursor, limit: batchSize }],
    );
    if (!accountIds.length) {
      upsertSearchAttributes([{ key: sa.CostUsd, value: progress.costUsd }]);
      publish('completed');
      return progress;
    }
    const done = await summaries.summariseFraudBatch.executeWithOptions(
      { summary: `Summarise ${accountIds.length} flagged accounts for analysts (model)` },
      [{ sweepDate, accountIds }],
    );
    progress.summarised += accountIds.length;
    progress.queued += done.queued;
    progress.unverified += done.unverified;
    progress.costUsd += done.costUsd;
    cursor = accountIds[accountIds.length - 1]!;
    publish('summarising');
  }
  return continueAsNew<typeof dailyFraudSweep>({ sweepDate, batchSize, batchesPerRun, cursor, progress });
}
