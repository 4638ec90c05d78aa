import { ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { Activities } from '../../activities';
import type { BatchItemOutcome } from '../../activities/batches';
import { ErrorTypes, nonRetryableErrorTypes } from '../../domain/errors';

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

const retry: RetryPolicy = {
  initialInterval: '2s',
  backoffCoefficient: 2,
  maximumInterval: '1m',
  nonRetryableErrorTypes,
};
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
  const { batchId } = await batches.submitClassificationBatch({ items: input.items });
  while (!(await batches.modelBatchStatus({ batchId })).ended) await sleep(input.pollIntervalMs);
  const { results } = await batches.fetchClassificationBatch({ batchId });

  // Providers return batch results in any order; callers get them back in theirs.
  const byId = new Map(results.map((result) => [result.customId, result]));
  const ordered = input.items.map(
    ({ customId }) =>
      byId.get(customId) ?? { customId, classification: null, error: 'missing from batch results', call: null },
  );
  return { batchId, results: ordered, costUsd: ordered.reduce((sum, r) => sum + (r.call?.costUsd ?? 0), 0) };
}
