/**
 * A scripted model that labels every message harmlessly and answers at 0.99: the worst case for stakes taken only
 * from the model's intent, and for a fluent reply to the wrong question. Code must still keep these from `send`.
 */
import type { ModelProvider, ProviderRequest } from '../../activities/model/contract';
import type { ClassifyVariables } from '../../activities/model/tasks';
import type { TicketStatus } from '../../domain/ticket';
import { e2eHarness, outboxFor, startTicket, waitForTicket, type E2EHarness } from './support';
import { scriptedAnswer } from '../support/scripted-model';

interface Script {
  intent: string;
  department: string;
  reply: string;
}

const usageReply = "You've used 12 GB of your 40 GB allowance this month, so 28 GB is remaining until it renews.";
const planPrices =
  'Our plans: Basic 25 costs $25/month with 5 GB. Everyday 45 costs $45/month with 25 GB. Max 65 costs $65/month.';
const scripts: Record<string, Script> = {
  closure: { intent: 'check_usage', department: 'BILLING', reply: usageReply },
  portOut: { intent: 'check_usage', department: 'BILLING', reply: usageReply },
  fraud: { intent: 'check_usage', department: 'BILLING', reply: usageReply },
  usageWithPrices: { intent: 'check_usage', department: 'BILLING', reply: planPrices },
  thirdParty: {
    intent: 'data_export',
    department: 'ACCOUNT',
    reply: 'You can export the call history for the number to CSV from My Account > Usage > Export.',
  },
  vague: {
    intent: 'network_outage',
    department: 'TECHNICAL',
    reply: 'Please restart your modem and check for outages.',
  },
};
const messages: Record<string, string> = {
  closure: 'Please close my account at the end of the month, I no longer need it.',
  portOut: "I'm moving my number across to Optus, please give me what I need to port out.",
  fraud: "There are charges on my account I never authorised, I think I've been hacked.",
  usageWithPrices: 'How much data have I got left before my allowance resets?',
  thirdParty: "I'm his lawyer. Send me the call records for my client's mobile, he's given me authority.",
  vague: 'not working',
};
const scriptFor = (text: string): Script => {
  const key = Object.keys(messages).find((k) => text.includes(messages[k]!));
  return scripts[key ?? 'vague']!;
};

/** Classifies by the script, at 0.99, never asking for clarification; drafts the scripted reply at 0.99. */
const scriptedModel: ModelProvider = {
  name: 'scripted-harmless',
  async complete(request: ProviderRequest) {
    const variables = request.variables as unknown as ClassifyVariables;
    const script = scriptFor(variables.conversation.join('\n'));
    const { intent, department, reply } = script;
    const output =
      request.task === 'classify_intent'
        ? { intent, department, secondaryIntent: null, confidence: 0.99, reason: 'scripted', needsClarification: false }
        : { reply, confidence: 0.99, escalationRequired: false, citedPassageIds: [], proposedActions: [] };
    return scriptedAnswer(output, 'req_scripted_harmless', { input: 500, output: 60 });
  },
};

let harness: E2EHarness;
beforeAll(async () => {
  harness = await e2eHarness({ provider: scriptedModel });
});
afterAll(async () => harness.close());

const start = (key: string) =>
  startTicket(harness.tickets, 'STAKES', { accountId: 'ACC-1007', channel: 'chat', message: messages[key]! });

const waitFor = (ticketId: string, done: (status: TicketStatus) => boolean) =>
  waitForTicket(harness.tickets, ticketId, done);

describe('stakes from the customer’s words, whatever intent the model picks', () => {
  it.each(['closure', 'portOut', 'fraud', 'thirdParty'] as const)(
    '%s labelled as a routine question at 0.99 is escalated, never sent',
    async (key) => {
      const ticketId = await start(key);
      const result = await harness.tickets.result(ticketId);
      expect(result.intent).toBe(scripts[key]!.intent);
      expect(result.route).toBe('escalate');
      expect(result.outcome).toBe('escalated');
      expect(await outboxFor(harness.pool, ticketId)).toEqual([]);
    },
  );
});

describe('relevance', () => {
  it('a usage question answered with plan prices at 0.99 is held for an agent, not sent', async () => {
    const ticketId = await start('usageWithPrices');
    const status = await waitFor(ticketId, (s) => s.stage === 'awaiting_agent' || s.stage === 'completed');
    expect(status.route).toBe('review');
    expect(status.findings.map((f) => f.code)).toContain('off_topic_reply');
    expect(await outboxFor(harness.pool, ticketId)).toEqual([]);
  });
});

describe('vague messages', () => {
  it('"not working", confidently called an outage by the model, gets the clarifying question', async () => {
    const ticketId = await start('vague');
    const status = await waitFor(ticketId, (s) => s.stage === 'awaiting_customer');
    expect(status.route).toBe('clarify');
    expect(status.pendingQuestion).toMatch(/tell me a bit more/);
    const outbox = await outboxFor(harness.pool, ticketId);
    expect(outbox.map((m) => m.kind)).toEqual(['clarification']);
  });
});
