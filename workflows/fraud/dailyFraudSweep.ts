import { continueAsNew, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { addDays, localDate } from '../../domain/calendar';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { showDetails } from '../audit';
import { workflowNow } from '../clock';
import { retryPolicy } from '../retry';
import { sweepProgressQuery, type DailyFraudSweepInput, type SweepProgress } from './messages';

export type { DailyFraudSweepInput, SweepProgress } from './messages';

const retry = retryPolicy('1m');
const backend = proxyActivities<Activities>({ startToCloseTimeout: '10m', retry });
// Model calls per account: the heartbeat after each account notices a dead worker within a minute.
const summaries = proxyActivities<Activities>({ startToCloseTimeout: '30m', heartbeatTimeout: '1m', retry });

/** Detect anomalies in SQL, summarise each flagged account, queue it for analysts. Re-running a date adds nothing. */
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
