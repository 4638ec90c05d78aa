import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { duration } from '../audit';
import { retryPolicy } from '../retry';

const retry = retryPolicy('1m', { initialInterval: '2s' });
const batches = proxyActivities<Activities>({ startToCloseTimeout: '2m', retry });

/**
 * The one durable wait for a provider batch, shared by every workflow that submits one: a status check, then a
 * workflow timer, until the provider reports the batch ended. Batches take minutes to hours; a worker may stop and
 * another take over during any timer, and each check costs a handful of history events.
 */
export async function waitForModelBatch(batchId: string, pollIntervalMs: number): Promise<void> {
  const checkStatus = () =>
    batches.modelBatchStatus.executeWithOptions({ summary: `Check batch ${batchId}` }, [{ batchId }]);
  while (!(await checkStatus()).ended) {
    await sleep(pollIntervalMs, {
      summary: `Wait ${duration(pollIntervalMs)} before checking the batch again`,
    });
  }
}
