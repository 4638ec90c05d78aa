import type { ActivityOptions, RetryPolicy } from '@temporalio/common';
import { nonRetryableErrorTypes } from '../domain/errors';

/**
 * How long a model call keeps retrying 429s, 529s, 5xx and timeouts before the case goes to a person. Provider
 * incidents of several minutes happen; a budget in time, not attempts, rides them out whatever the backoff.
 */
export const modelRetryBudget = '10 minutes';

// A short first retry (most 429s and 529s clear quickly) unless the server's retry-after says otherwise, and a cap of
// 5 s so calls resume within seconds of a provider's recovery (at 20 s the last tickets of a 60 s outage finished 70 s
// after it ended). Over the 10-minute budget that is at most about 120 attempts a call.
const modelRetry: RetryPolicy = {
  initialInterval: '1s',
  backoffCoefficient: 1.5,
  maximumInterval: '5s',
  nonRetryableErrorTypes,
};

export function modelCallOptions(startToCloseTimeoutMs: number | string): ActivityOptions {
  return {
    startToCloseTimeout: startToCloseTimeoutMs,
    scheduleToCloseTimeout: modelRetryBudget,
    heartbeatTimeout: '10s',
    retry: modelRetry,
  };
}
