import type { Pool, PoolClient } from 'pg';

/**
 * A pooled connection for a multi-statement job. The pool listens for errors only on idle connections; one checked
 * out between statements when the server goes away (restart, failover) would otherwise emit an unhandled 'error'
 * and take the whole worker down. The statement in flight still fails, and Temporal retries the activity.
 */
export async function checkout(pool: Pool): Promise<PoolClient & { done(): void }> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => (lost = error);
  client.on('error', onError);
  return Object.assign(client, {
    done() {
      client.off('error', onError);
      // A connection that died must not go back to the pool for the next activity.
      client.release(lost);
    },
  });
}

/** One transaction on one connection: COMMIT when `work` resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await checkout(pool);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.done();
  }
}
