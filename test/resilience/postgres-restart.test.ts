import { randomUUID } from 'node:crypto';
import { connectClient, type SwitchboardConnection } from '../../client';
import { e2eHarness, type E2EHarness } from '../e2e/support';
import { dedicatedPostgres, type DedicatedPostgres } from './dedicated-postgres';
import { recordResult } from './results';
import { sizes } from './size';
import { repliesFor, replyTotal, resultsOf, retriesSeen, startAll, ticketIds, until } from './tickets';

// Long enough that activities in flight hit the dead server and go through Temporal's retries.
const outageMs = 8_000;

let postgres: DedicatedPostgres;
let harness: E2EHarness;
let connection: SwitchboardConnection;
beforeAll(async () => {
  postgres = await dedicatedPostgres('restart');
  harness = await e2eHarness({ env: { DATABASE_URL: postgres.databaseUrl, OFFLINE_LATENCY: '200ms' } });
  connection = await connectClient(harness.config);
});
afterAll(async () => {
  await connection?.close();
  await harness?.close();
  await postgres?.destroy();
});

describe(`PostgreSQL restarted during ${sizes.postgresRunTickets} tickets`, () => {
  it('retries the activities that hit it, and loses no ticket and no reply', async () => {
    const prefix = `PGR-${randomUUID().slice(0, 8)}`;
    const ids = ticketIds(prefix, sizes.postgresRunTickets);
    const startedAt = Date.now();
    await startAll(harness.tickets, ids);

    await until(async () => (await replyTotal(harness.pool, prefix)) >= ids.length / 3, 'a third done', 10 * 60_000);
    const repliesBeforeStop = await replyTotal(harness.pool, prefix);
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    await postgres.start();

    const results = await resultsOf(harness.tickets, ids);
    const elapsedMs = Date.now() - startedAt;
    expect(results.filter((result) => result instanceof Error)).toEqual([]);
    expect(results.map((result) => (result instanceof Error ? 'failed' : result.outcome))).toEqual(
      ids.map(() => 'replied'),
    );
    expect(repliesBeforeStop).toBeLessThan(ids.length);
    const perTicket = await repliesFor(harness.pool, prefix);
    expect(perTicket.size).toBe(ids.length);
    expect([...perTicket.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    // The outage must have been felt: at least one activity failed against it and was retried.
    const retries = await retriesSeen(connection.client, ids);
    expect(retries).toBeGreaterThan(0);

    await recordResult('postgres-restart', {
      tickets: ids.length,
      repliesBeforeStop,
      outageMs,
      completed: results.length,
      outboxReplies: await replyTotal(harness.pool, prefix),
      activityRetries: retries,
      durationMs: elapsedMs,
    });
  });
});
