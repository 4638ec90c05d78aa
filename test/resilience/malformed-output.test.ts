import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '../e2e/model-api-support';
import type { Scripted } from '../../tooling/emulators/script';
import { customerText, emulatedModel } from './emulated-model';
import { recordResult } from './results';
import { sizes } from './size';
import { repliesFor, resultsOf, roamingMessage, startAll, ticketIds } from './tickets';

// Each broken ticket gets the same fault on the first answer and on the repair, so no repair can save it.
const brokenAnswers: Scripted[] = [
  { kind: 'reply', rawToolInput: '{"reply": "Hi, about your roaming' },
  { kind: 'reply', rawToolInput: 'Sure! Here is the JSON you asked for.' },
  { kind: 'reply', toolInput: { reply: 42, confidence: 'high', proposedActions: 'none' } },
  { kind: 'reply', toolInput: { intent: 'not_an_intent', confidence: 7 } },
];
const refOf = (text: string) => Number(/Ticket ref (\d+)\./.exec(text)?.[1] ?? -1);
// One ticket in five, on alternating tasks, so both the classifier and the drafter are seen to fail.
const broken = (ref: number) => ref % 5 === 0;
const brokenTask = (ref: number) => (ref % 10 === 0 ? 'classify_intent' : 'draft_reply');

let harness: ApiHarness;
let malformedServed = 0;
beforeAll(async () => {
  harness = await emulatedModel((request, task) => {
    const ref = refOf(customerText(request));
    if (!broken(ref) || task !== brokenTask(ref)) return undefined;
    malformedServed += 1;
    return brokenAnswers[(ref / 5) % brokenAnswers.length];
  });
});
afterAll(async () => harness?.close());

describe(`20% malformed model outputs over ${sizes.malformedTickets} tickets`, () => {
  it('routes exactly the broken tickets to a person, sends nothing for them, and fails no workflow', async () => {
    const prefix = `MAL-${randomUUID().slice(0, 8)}`;
    const ids = ticketIds(prefix, sizes.malformedTickets);
    const refs = new Map(ids.map((id, index) => [id, index]));
    const startedAt = Date.now();
    await startAll(harness.tickets, ids, (ticketId) => ({
      ticketId,
      accountId: 'ACC-1002',
      channel: 'chat' as const,
      message: `${roamingMessage} Ticket ref ${refs.get(ticketId)}.`,
    }));
    const results = await resultsOf(harness.tickets, ids);

    expect(results.filter((result) => result instanceof Error).map(String)).toEqual([]);
    const outcomes = new Map(ids.map((id, i) => [id, results[i] instanceof Error ? 'failed' : results[i]!.outcome]));
    const brokenIds = ids.filter((id) => broken(refs.get(id)!));
    expect(brokenIds.length).toBe(Math.ceil(ids.length / 5));
    expect(brokenIds.map((id) => outcomes.get(id))).toEqual(brokenIds.map(() => 'escalated'));
    const healthy = ids.filter((id) => !broken(refs.get(id)!));
    expect(healthy.map((id) => outcomes.get(id))).toEqual(healthy.map(() => 'replied'));

    const replies = await repliesFor(harness.pool, prefix);
    expect(brokenIds.filter((id) => replies.has(id))).toEqual([]);
    expect(healthy.filter((id) => replies.get(id) !== 1)).toEqual([]);
    const handoffs = await harness.pool.query<{ ticket_id: string }>(
      "SELECT DISTINCT ticket_id FROM handoffs WHERE kind = 'escalation' AND ticket_id LIKE $1",
      [`${prefix}-%`],
    );
    expect(handoffs.rows.map((row) => row.ticket_id).sort()).toEqual([...brokenIds].sort());
    // A first answer and its repair per broken ticket: nothing was retried into eventually passing.
    expect(malformedServed).toBe(brokenIds.length * 2);

    await recordResult('malformed-output', {
      tickets: ids.length,
      malformedTickets: brokenIds.length,
      malformedAnswersServed: malformedServed,
      routedToHuman: brokenIds.length,
      replied: healthy.length,
      failedWorkflows: 0,
      durationMs: Date.now() - startedAt,
    });
  });
});
