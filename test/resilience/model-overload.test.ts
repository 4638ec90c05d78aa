import { randomUUID } from 'node:crypto';
import { connectClient, ticketWorkflowId, type SwitchboardConnection } from '../../client';
import type { ApiHarness } from '../e2e/model-api-support';
import { emulatedModel } from './emulated-model';
import { recordResult } from './results';
import { sizes } from './size';
import { repliesFor, replyTotal, resultsOf, retriesSeen, startAll, ticketIds } from './tickets';

let harness: ApiHarness;
let connection: SwitchboardConnection;
let overloadedUntil = 0;
let overloaded = 0;

beforeAll(async () => {
  harness = await emulatedModel(() => {
    if (Date.now() >= overloadedUntil) return undefined;
    overloaded += 1;
    return { kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' };
  });
  connection = await connectClient(harness.config);
});
afterAll(async () => {
  await connection?.close();
  await harness?.close();
});

describe(`the model API answering 529 for ${sizes.overloadWindowMs / 1000} s`, () => {
  it('holds every ticket until the API recovers, then each gets exactly one reply', async () => {
    const prefix = `OVL-${randomUUID().slice(0, 8)}`;
    const ids = ticketIds(prefix, sizes.overloadTickets);
    const startedAt = Date.now();
    overloadedUntil = startedAt + sizes.overloadWindowMs;
    await startAll(harness.tickets, ids);

    const results = await resultsOf(harness.tickets, ids);
    const elapsedMs = Date.now() - startedAt;
    expect(results.filter((result) => result instanceof Error).map(String)).toEqual([]);
    expect(results.map((result) => (result instanceof Error ? 'failed' : result.outcome))).toEqual(
      ids.map(() => 'replied'),
    );
    // Every ticket's first model call fell inside the window, so each one had to wait it out.
    expect(overloaded).toBeGreaterThanOrEqual(ids.length);
    const served = harness.emulator.requests.filter((request) => request.receivedAt >= overloadedUntil);
    expect(served.length).toBeGreaterThan(0);
    const perTicket = await repliesFor(harness.pool, prefix);
    expect(perTicket.size).toBe(ids.length);
    expect([...perTicket.entries()].filter(([, count]) => count !== 1)).toEqual([]);

    // How long after the API recovered each ticket finished: the backoff's cap decides it, not the outage.
    const closed = await Promise.all(
      ids.map(async (id) => (await connection.client.workflow.getHandle(ticketWorkflowId(id)).describe()).closeTime),
    );
    const afterRecovery = closed
      .map((at) => (at ? at.getTime() - overloadedUntil : Number.POSITIVE_INFINITY))
      .sort((a, b) => a - b);
    expect(afterRecovery.every(Number.isFinite)).toBe(true);

    await recordResult('model-overload-529', {
      recoveryP50Ms: afterRecovery[Math.floor(afterRecovery.length * 0.5)]!,
      recoveryP95Ms: afterRecovery[Math.min(afterRecovery.length - 1, Math.ceil(afterRecovery.length * 0.95) - 1)]!,
      recoveryMaxMs: afterRecovery[afterRecovery.length - 1]!,
      tickets: ids.length,
      windowMs: sizes.overloadWindowMs,
      overloadedReplies: overloaded,
      modelRequests: harness.emulator.requests.length,
      activityRetries: await retriesSeen(connection.client, ids),
      outboxReplies: await replyTotal(harness.pool, prefix),
      durationMs: elapsedMs,
    });
  });
});
