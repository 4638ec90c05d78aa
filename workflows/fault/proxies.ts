import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { retryPolicy } from '../retry';

/** Reads of the network and the roster: ten attempts, then the fault fails loudly rather than waiting on a dead system. */
export const backend = proxyActivities<Activities>({
  startToCloseTimeout: '20s',
  retry: retryPolicy('30s', { maximumAttempts: 10 }),
});
/** Paging and acting must not be lost: they retry until they succeed, and idempotency keys make repeats harmless. */
export const operations = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: retryPolicy('30s') });
