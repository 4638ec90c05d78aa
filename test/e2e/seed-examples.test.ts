import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemoTicket, type DemoOutcome } from '../../scripts/demo/run-tickets';
import { demoTickets } from '../../scripts/demo/tickets';
import { seedExpectations } from './seed-expectations';
import { registeredPerson } from './signing';
import { e2eHarness, outboxFor, uniqueTicketId, type E2EHarness } from './support';

let harness: E2EHarness;
const outcomes = new Map<string, DemoOutcome>();

beforeAll(async () => {
  harness = await e2eHarness();
  const agent = await registeredPerson(harness.pool, 'demo-agent', 'agent');
  const results = await Promise.all(
    demoTickets.map((demo) => runDemoTicket(harness.tickets, demo, uniqueTicketId('E2E'), agent)),
  );
  for (const outcome of results) outcomes.set(outcome.demo.label, outcome);
}, 120_000);
afterAll(async () => harness.close());

const outcome = (label: string) => {
  const found = outcomes.get(label);
  if (!found) throw new Error(`no demo ticket labelled ${label}`);
  return found;
};

describe('the seed examples end to end (offline engine, real PostgreSQL)', () => {
  it.each(seedExpectations)('%s: intent %s, route %s, outcome %s', (label, intent, route, result) => {
    const { result: ticket } = outcome(label);
    if (intent) expect(ticket.intent).toBe(intent);
    expect(ticket.route).toBe(route);
    expect(ticket.outcome).toBe(result);
  });

  it('explains the Thailand roaming charge with figures from the plan and the bill', () => {
    const reply = outcome('Thailand roaming').result.reply ?? '';
    expect(reply).toMatch(/Travel Buddy/);
    expect(reply).toMatch(/200 MB/);
    expect(reply).toMatch(/\$0\.09/);
    expect(reply).toMatch(/\$45(\.00)?/);
  });

  it('offers the duplicate refund on the real charge and nothing more', () => {
    const reply = outcome('double charge').result.reply ?? '';
    expect(reply).toMatch(/\$99\.00/);
    expect(reply).toMatch(/5.7 business days/);
  });

  it('asked exactly one clarifying question for the vague message', async () => {
    const vague = outcome('vague problem');
    expect(vague.result.clarifications).toBe(1);
    const messages = await outboxFor(harness.pool, vague.ticketId);
    expect(messages.map((m) => m.kind)).toEqual(['clarification', 'reply']);
  });

  it('sends each reply exactly once, and never the injected credit', async () => {
    for (const { ticketId, result } of outcomes.values()) {
      const replies = (await outboxFor(harness.pool, ticketId)).filter((m) => m.kind === 'reply');
      expect(replies).toHaveLength(result.reply ? 1 : 0);
      for (const reply of replies) expect(reply.body).not.toMatch(/\$500/);
    }
  });

  it('records every model call with the prompt file hash, tokens and cost', async () => {
    // The prompt file's hash, with the examples and taxonomy it renders (test/unit/prompt-library.test.ts).
    const rendered: Record<string, string[]> = {
      'classify-intent.md': ['taxonomy.json', 'few-shot.json'],
      'draft-reply.md': ['draft-examples.json'],
    };
    const read = (file: string) => readFileSync(join(__dirname, '..', '..', 'prompts', 'ticket', file));
    const version = (file: string) =>
      createHash('sha256')
        .update(
          Buffer.concat([read(file), ...rendered[file]!.map((f) => Buffer.from(`\n<!-- ticket/${f} -->\n${read(f)}`))]),
        )
        .digest('hex')
        .slice(0, 12);
    const { workflowId, result } = outcome('Thailand roaming');
    expect(result.modelCalls.map((c) => [c.task, c.promptVersion])).toEqual([
      ['classify_intent', version('classify-intent.md')],
      ['draft_reply', version('draft-reply.md')],
    ]);
    const rows = await harness.pool.query(
      'SELECT task, model_id, prompt_version, input_tokens, cost_usd FROM model_calls WHERE workflow_id = $1 ORDER BY id',
      [workflowId],
    );
    expect(rows.rows.map((r) => r.task)).toEqual(['classify_intent', 'draft_reply']);
    expect(rows.rows[0].model_id).toBe('switchboard-offline-1');
    expect(rows.rows[0].input_tokens).toBeGreaterThan(100);
  });

  it('opens handoffs for reviews and escalations, resolved by the agent who decided', async () => {
    const review = outcome('bill + slow internet');
    const rows = await harness.pool.query('SELECT kind, status, resolved_by FROM handoffs WHERE ticket_id = $1', [
      review.ticketId,
    ]);
    expect(rows.rows).toEqual([{ kind: 'review', status: 'resolved', resolved_by: 'demo-agent' }]);
    // A credit request and a fraud report are a person's to decide: each opens an escalation, never a review.
    for (const label of ['50% discount', 'fraud report']) {
      const handoffs = await harness.pool.query('SELECT kind FROM handoffs WHERE ticket_id = $1', [
        outcome(label).ticketId,
      ]);
      expect([label, handoffs.rows.map((r) => r.kind)]).toEqual([label, ['escalation']]);
    }
  });
});
