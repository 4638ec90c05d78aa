import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { retryPolicy } from '../retry';

/** Reads and checks: ten attempts, then the ticket fails loudly rather than waiting on a dead system. */
export const backend = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: retryPolicy('30s', { maximumAttempts: 10 }),
});
/** Messages to customers must not be lost: keep retrying; the outbox key makes repeats harmless. */
export const delivery = proxyActivities<Activities>({ startToCloseTimeout: '10s', retry: retryPolicy('30s') });
