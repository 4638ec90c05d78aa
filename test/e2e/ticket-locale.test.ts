import type { TicketResult } from '../../domain/ticket';
import { taskOf } from '../../tooling/emulators/offline-responder';
import { apiHarness, roamingTicket, type ApiHarness } from './model-api-support';
import { outboxFor, uniqueTicketId } from './support';

/**
 * The ticket's locale reaches classification and drafting (issue 16). The guardrails read English only, so a ticket
 * whose locale or text is another language goes to a person, whatever the model answers; an en-AU ticket is routed as
 * before. Run on the real Anthropic SDK and its emulator, so the requests the model would read can be inspected.
 */
describe("the ticket's locale", () => {
  let harness: ApiHarness;
  beforeAll(async () => {
    harness = await apiHarness('anthropic');
  });
  afterAll(async () => harness.close());

  /** Runs a ticket and returns its result with the classify and draft requests made for it (one ticket at a time). */
  async function resolve(message: string, locale?: string) {
    const ticketId = uniqueTicketId('LOCALE');
    const ticket = { ...roamingTicket(ticketId), message, ...(locale ? { locale } : {}) };
    const before = harness.emulator.requests.length;
    await harness.tickets.start(ticket);
    const result: TicketResult = await harness.tickets.result(ticketId);
    const made = harness.emulator.requests.slice(before);
    const of = (task: string) => made.filter((request) => taskOf(request.body) === task);
    const replies = (await outboxFor(harness.pool, ticketId)).filter((m) => m.author === 'switchboard');
    return { result, classify: of('classify_intent'), draft: of('draft_reply'), replies };
  }
  const mentions = (requests: Array<{ body: unknown }>, text: string) =>
    requests.length > 0 && requests.every((request) => JSON.stringify(request.body).includes(text));

  it('goes to a person when the ticket is Spanish, in its locale and its words', async () => {
    const message = 'Me cobraron $45 por roaming en Tailandia y mi plan incluye roaming. ¿Por qué está en mi factura?';
    const { result, classify, draft, replies } = await resolve(message, 'es-ES');
    expect(mentions(classify, 'es-ES')).toBe(true);
    expect(mentions(draft, 'es-ES')).toBe(true);
    expect(result.route).toBe('escalate');
    expect(result.outcome).toBe('escalated');
    expect(result.routeReasons).toContain("the ticket's locale es-ES is not one the guardrails check");
    expect(replies).toEqual([]);
  });

  it('goes to a person for an es-ES ticket in English: the reply would be owed in a language nobody checks', async () => {
    // Only the locale differs from the en-AU ticket below, so only the locale reaching the draft can escalate it.
    const { result, draft, replies } = await resolve(roamingTicket('x').message, 'es-ES');
    expect(mentions(draft, 'es-ES')).toBe(true);
    expect(result.route).toBe('escalate');
    expect(result.routeReasons).toContain("the ticket's locale es-ES is not one the guardrails check");
    expect(result.replyConfidence).toBeLessThanOrEqual(0.5);
    expect(replies).toEqual([]);
  });

  it('leaves an en-AU ticket as it was: classified, drafted and sent', async () => {
    const { result, classify, draft, replies } = await resolve(roamingTicket('x').message, 'en-AU');
    expect(mentions(classify, 'en-AU')).toBe(true);
    expect(mentions(draft, 'en-AU')).toBe(true);
    expect(result).toMatchObject({ intent: 'roaming_charge_query', route: 'send', outcome: 'replied' });
    expect(result.routeReasons.join(' ')).not.toMatch(/escalation/);
    expect(replies).toHaveLength(1);
  });
});
