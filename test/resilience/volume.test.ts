import { randomUUID } from 'node:crypto';
import { e2eHarness, type E2EHarness } from '../e2e/support';
import { recordResult } from './results';
import { sizes } from './size';
import { repliesFor, replyTotal, resultsOf, startAll, ticketIds } from './tickets';

let harness: E2EHarness;
beforeAll(async () => {
  harness = await e2eHarness({ env: { DATABASE_POOL_MAX: '20' } });
});
afterAll(async () => harness?.close());

describe(`${sizes.volumeTickets} concurrent tickets`, () => {
  it('all complete, and the outbox holds exactly one reply per ticket', async () => {
    const prefix = `VOL-${randomUUID().slice(0, 8)}`;
    const ids = ticketIds(prefix, sizes.volumeTickets);
    const startedAt = Date.now();

    const started = await startAll(harness.tickets, ids);
    const results = await resultsOf(harness.tickets, ids);
    const elapsedMs = Date.now() - startedAt;

    const failures = results.filter((result) => result instanceof Error);
    expect(failures).toEqual([]);
    expect(started).toBe(ids.length);
    const outcomes = results.map((result) => (result instanceof Error ? 'failed' : result.outcome));
    expect(outcomes.filter((outcome) => outcome !== 'replied')).toEqual([]);
    expect(await replyTotal(harness.pool, prefix)).toBe(ids.length);
    const perTicket = await repliesFor(harness.pool, prefix);
    expect(perTicket.size).toBe(ids.length);
    expect([...perTicket.values()].every((count) => count === 1)).toBe(true);

    await recordResult('volume', {
      tickets: ids.length,
      completed: results.length - failures.length,
      outboxReplies: await replyTotal(harness.pool, prefix),
      durationMs: elapsedMs,
      ticketsPerSecond: Number((ids.length / (elapsedMs / 1000)).toFixed(1)),
    });
  });
});
