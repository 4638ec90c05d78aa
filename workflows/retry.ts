import type { Duration, RetryPolicy } from '@temporalio/common';
import { nonRetryableErrorTypes } from '../domain/errors';

/**
 * How Switchboard retries a step that failed for a reason that may pass (a 5xx, a timeout, a restarting database):
 * exponential backoff from `initialInterval` up to `maximumInterval`, forever unless `maximumAttempts` says otherwise,
 * and never for the error types that retrying cannot fix (invalid input, a refused decision, a model's 4xx).
 */
export function retryPolicy(
  maximumInterval: Duration = '30s',
  options: { initialInterval?: Duration; maximumAttempts?: number } = {},
): RetryPolicy {
  return {
    initialInterval: options.initialInterval ?? '1s',
    backoffCoefficient: 2,
    maximumInterval,
    nonRetryableErrorTypes,
    ...(options.maximumAttempts ? { maximumAttempts: options.maximumAttempts } : {}),
  };
}
