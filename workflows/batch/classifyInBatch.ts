import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { BatchItemOutcome } from '../../activities/batch';
import { ErrorTypes } from '../../domain/errors';
import { retryPolicy } from '../retry';
import type { ModelCallRecord } from '../../domain/model-call';
import { auditAttributes, modelAttributes, showDetails } from '../audit';
import { waitForModelBatch } from './wait';

export interface ClassifyInBatchInput {
  items: Array<{ customId: string; conversation: string[] }>;
  /** Batches take minutes to hours; polling every few minutes costs a handful of history events. */
  pollIntervalMs: number;
}

export interface ClassifyInBatchResult {
  batchId: string;
  /** One per input item, in input order. */
  results: BatchItemOutcome[];
  costUsd: number;
}

const retry = retryPolicy('1m', { initialInterval: '2s' });
const batches = proxyActivities<Activities>({ startToCloseTimeout: '2m', retry });

/** Non-urgent classification through the provider's batch API at half price: submit, wait durably, fetch, map back. */
export async function classifyInBatch(input: ClassifyInBatchInput): Promise<ClassifyInBatchResult> {
  if (!input.items.length || input.pollIntervalMs < 1_000) {
    throw ApplicationFailure.create({
      type: ErrorTypes.InvalidInput,
      message: 'classifyInBatch needs at least one item and a poll interval of at least 1s',
      nonRetryable: true,
    });
  }
  const count = input.items.length;
  showDetails(`Batch classification of ${count} conversations: submitting`, []);
  const { batchId } = await batches.submitClassificationBatch.executeWithOptions(
    { summary: `Submit ${count} conversations to the provider's batch API` },
    [{ items: input.items }],
  );
  showDetails(`Batch classification of ${count} conversations: waiting for the provider`, [`Batch \`${batchId}\``]);
  await waitForModelBatch(batchId, input.pollIntervalMs);
  const { results } = await batches.fetchClassificationBatch.executeWithOptions(
    { summary: `Fetch the results of batch ${batchId}` },
    [{ batchId }],
  );

  // Providers return batch results in any order; callers get them back in theirs.
  const byId = new Map(results.map((result) => [result.customId, result]));
  const ordered = input.items.map(
    ({ customId }) =>
      byId.get(customId) ?? { customId, classification: null, error: 'missing from batch results', call: null },
  );
  const calls = ordered.flatMap((r): ModelCallRecord[] => (r.call ? [r.call] : []));
  auditAttributes(modelAttributes(calls));
  const failed = ordered.filter((r) => !r.classification).length;
  showDetails(`Batch classification of ${count} conversations: completed`, [
    `Batch \`${batchId}\``,
    `${count - failed} classified, ${failed} failed`,
  ]);
  return { batchId, results: ordered, costUsd: ordered.reduce((sum, r) => sum + (r.call?.costUsd ?? 0), 0) };
}
