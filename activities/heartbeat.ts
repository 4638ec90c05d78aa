import { Context } from '@temporalio/activity';

/**
 * Heartbeats while a slow call is in flight, so a worker that dies mid-call is noticed within the heartbeat
 * timeout rather than the whole start-to-close timeout.
 */
export async function withHeartbeat<T>(work: () => Promise<T>, intervalMs = 2_000): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
