import type { ApiContext } from './context';
import { ApiError } from './errors';

/** Longer than any healthy query takes; short enough that a caller gets an answer before giving up on us. */
const workerDeadlineMs = 5_000;

/**
 * A query waits for a worker on the workflow's task queue. When none polls it (a fleet down, a test's queue long
 * gone) the call would hang until the client's own timeout; this answers 503 instead, which the caller may retry.
 */
export async function inTime<T>(
  context: ApiContext,
  what: string,
  call: () => Promise<T>,
  withinMs = workerDeadlineMs,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  try {
    return await context.client.withDeadline(deadline, call);
  } catch (error) {
    if (error instanceof ApiError || Date.now() < deadline) throw error;
    throw new ApiError(503, 'worker_unavailable', `no worker answered for ${what} in time; retry later`);
  }
}

/**
 * A decision is an update: it waits for a worker to validate and run it. Longer than a query's deadline, because it
 * does more, and still short of a caller's own timeout. An update no worker accepted is not in history, so a 503
 * means it did not count and may be sent again.
 */
export const decisionDeadlineMs = 10_000;

export const workerUnavailable = { description: 'No worker answered the workflow query in time; retry later' };
