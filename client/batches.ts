import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { searchAttributes as sa } from '../domain/search-attributes';
import type { ClassifyInBatchInput, ClassifyInBatchResult } from '../workflows/batch/classifyInBatch';
import type { classifyInBatch } from '../workflows';

/** Starts a batch classification and waits for it; the workflow id is returned for the Web UI. */
export async function runClassificationBatch(
  client: Client,
  taskQueue: string,
  input: ClassifyInBatchInput,
  workflowId = `batch-classify-${randomUUID()}`,
): Promise<{ workflowId: string; result: ClassifyInBatchResult }> {
  const result = await client.workflow.execute<typeof classifyInBatch>('classifyInBatch', {
    taskQueue,
    workflowId,
    args: [input],
    staticSummary: `Batch classification of ${input.items.length} conversations`,
    staticDetails: `**Items** ${input.items.length}\n\n**Poll interval** ${input.pollIntervalMs / 1000}s`,
    typedSearchAttributes: [{ key: sa.UseCase, value: 'batch_classify' }],
  });
  return { workflowId, result };
}
