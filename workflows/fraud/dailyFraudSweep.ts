import { continueAsNew, patched, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { addDays, localDate } from '../../domain/calendar';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { duration, showDetails } from '../audit';
import { waitForModelBatch } from '../batch/wait';
import { workflowNow } from '../clock';
import { retryPolicy } from '../retry';
import { sweepProgressQuery, type DailyFraudSweepInput, type FraudSummaryMode, type SweepProgress } from './messages';

export type { DailyFraudSweepInput, FraudSummaryMode, SweepProgress } from './messages';

const retry = retryPolicy('1m');
const backend = proxyActivities<Activities>({ startToCloseTimeout: '10m', retry });
// Model calls per account: the heartbeat after each account notices a dead worker within a minute.
const summaries = proxyActivities<Activities>({ startToCloseTimeout: '30m', heartbeatTimeout: '1m', retry });

/** Marks runs that may summarise through the provider's batch API; runs recorded before it never reach the branch. */
export const FRAUD_SUMMARY_BATCH_PATCH = 'fraud-summary-batch';
/** The activity's cap on one provider batch (activities/fraud/batch.ts). */
const maxBatchAccounts = 10_000;
const defaultBatchPollIntervalMs = 5 * 60_000;

/** Detect anomalies in SQL, summarise each flagged account, queue it for analysts. Re-running a date adds nothing. */
export async function dailyFraudSweep(input: DailyFraudSweepInput = {}): Promise<SweepProgress> {
  const sweepDate = input.sweepDate ?? addDays(localDate(workflowNow(), 'Australia/Sydney'), -1);
  const batchSize = input.batchSize ?? 50;
  const batchesPerRun = input.batchesPerRun ?? 20;
  // Decided once per run, here. Runs started before batch mode existed carry no summaryMode and never reach the
  // marker, so their histories replay unchanged; a batch run records it, and its replays take the same branch.
  const summaryMode: FraudSummaryMode =
    input.summaryMode === 'batch' && patched(FRAUD_SUMMARY_BATCH_PATCH) ? 'batch' : 'sync';
  const batchPollIntervalMs = Math.max(input.batchPollIntervalMs ?? defaultBatchPollIntervalMs, 1_000);
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
  if (summaryMode === 'batch') {
    // One provider batch per run, of as many accounts as a synchronous run summarises; continue-as-new between them.
    const limit = Math.min(batchSize * batchesPerRun, maxBatchAccounts);
    const { accountIds } = await backend.nextFraudBatch.executeWithOptions(
      { summary: `Fetch up to ${limit} flagged accounts for one provider batch` },
      [{ sweepDate, after: cursor, limit }],
    );
    if (accountIds.length) {
      const { batchId, submitted } = await backend.submitFraudSummaryBatch.executeWithOptions(
        { summary: `Submit ${accountIds.length} flagged accounts' summaries to the provider's batch API (model)` },
        [{ sweepDate, accountIds }],
      );
      if (batchId !== null) {
        publish(
          `waiting for provider batch ${batchId} (${submitted} summaries, checked every ${duration(batchPollIntervalMs)})`,
        );
        await waitForModelBatch(batchId, batchPollIntervalMs);
        const done = await summaries.queueFraudSummaryBatch.executeWithOptions(
          { summary: `Fetch batch ${batchId} and queue ${submitted} summaries for analysts` },
          [{ sweepDate, batchId, accountIds }],
        );
        progress.queued += done.queued;
        progress.unverified += done.unverified;
        progress.costUsd += done.costUsd;
      }
      progress.summarised += accountIds.length;
      cursor = accountIds[accountIds.length - 1]!;
      publish('summarising');
    }
    if (accountIds.length < limit) {
      upsertSearchAttributes([{ key: sa.CostUsd, value: progress.costUsd }]);
      publish('completed');
      return progress;
    }
    return continueAsNew<typeof dailyFraudSweep>({
      sweepDate,
      batchSize,
      batchesPerRun,
      summaryMode,
      batchPollIntervalMs,
      cursor,
      progress,
    });
  }
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
