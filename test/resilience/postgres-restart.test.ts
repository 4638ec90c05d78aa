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
    // Tickets finish in about a second each, so a batch started at once can be done before the stop lands. The first
    // half proves replies are flowing; the second half starts just before the stop, and each of those tickets needs
    // the database and two model calls of 200 ms, so none of them can finish before the outage.
    const half = Math.floor(ids.length / 2);
    await startAll(harness.tickets, ids.slice(0, half));
    await until(async () => (await replyTotal(harness.pool, prefix)) >= 1, 'a first reply', 10 * 60_000);
    await startAll(harness.tickets, ids.slice(half));
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
