import { MockActivityEnvironment } from '@temporalio/testing';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { bindChainKeys, createChainKeyRing } from '../../../activities/audit/chain-keys';
import type { ModelProvider, ProviderRequest } from '../../../activities/model/contract';
import { createModelGateway } from '../../../activities/model/gateway';
import { createTicketActivities } from '../../../activities/ticket';
import type { Draft } from '../../../domain/ticket';
import { loadPromptSet } from '../../../workers/model-deps';
import { creditPolicy, duplicateChargeAccount, duplicatePassage } from '../guardrails/fixtures';
import { scriptedAnswer } from '../../support/scripted-model';

const { taxonomy, prompts } = loadPromptSet();

/** Answers the activity's reads (the context snapshot, the credit policy) and swallows its audit writes. */
function fakePool() {
  const query = async (sql: string) => {
    if (sql.includes('FROM ticket_contexts')) return { rows: [{ snapshot: duplicateChargeAccount }], rowCount: 1 };
    if (sql.includes('FROM credit_policy')) return { rows: creditPolicy, rowCount: creditPolicy.length };
    if (sql.includes('FROM audit_log'))
      return { rows: [{ used: false, head_seq: null, anchor_seq: null }], rowCount: 1 };
    return { rows: [], rowCount: 1 };
  };
  const client = { query, on() {}, off() {}, release() {} };
  const pool = { query, on() {}, connect: async () => client };
  const keys = createChainKeyRing([{ id: 'unit', key: randomBytes(32).toString('base64') }]);
  return bindChainKeys(pool as unknown as Pool, keys);
}

// A model that is sure of itself and wants no person: only code can overrule it.
const sure: Draft = {
  proposedActions: [],
  citedPassageIds: [duplicatePassage.id],
  reply: 'Hola Jane, hemos visto el cargo duplicado.',
  escalationRequired: false,
  confidence: 0.97,
};
const classification = {
  reason: 'charged twice',
  intent: 'duplicate_charge',
  secondaryIntent: null,
  confidence: 0.93,
  needsClarification: false,
};

function activities() {
  const requests: ProviderRequest[] = [];
  const provider: ModelProvider = {
    name: 'scripted',
    async complete(request) {
      requests.push(request);
      return scriptedAnswer(request.task === 'draft_reply' ? sure : classification, `req_${requests.length}`);
    },
  };
  const gateway = createModelGateway({ provider, modelIds: { fast: 'claude-haiku-4-5-20251001', strong: 'x' } });
  const retriever = { search: async () => [], fetch: async () => [duplicatePassage] };
  const clock = () => new Date('2026-12-05T03:00:00Z');
  const acts = createTicketActivities({ pool: fakePool(), gateway, retriever, taxonomy, prompts, clock });
  return { acts, requests };
}

const env = () => new MockActivityEnvironment({ activityId: 'draft-1', attempt: 1 });
const draftInput = (message: string, locale?: string) => ({
  ticketId: 'T-1',
  contextRef: 'wf/run',
  conversation: [message],
  classification: { ...classification, department: 'BILLING' as const },
  passages: [{ id: duplicatePassage.id, score: 1 }],
  ...(locale ? { locale } : {}),
});

describe('draftReply and classifyIntent carry the ticket locale and the activity clock', () => {
  it('sends the locale and the clock date in the draft request, and a covered locale keeps the model answer', async () => {
    const { acts, requests } = activities();
    const { draft }: { draft: Draft } = await env().run(
      acts.draftReply,
      draftInput('I was charged twice this month', 'en-AU'),
    );
    const user = requests[0]!.prompt.messages[0]!.content;
    expect(user).toContain('<ticket_locale>en-AU</ticket_locale>');
    expect(user).toContain('<current_date>2026-12-05</current_date>');
    expect(draft).toEqual(sure);
  });

  it('hands a ticket whose locale the guardrails do not read to a person, however sure the model is', async () => {
    const { acts } = activities();
    const { draft }: { draft: Draft } = await env().run(
      acts.draftReply,
      draftInput('I was charged twice this month', 'es-ES'),
    );
    expect(draft.escalationRequired).toBe(true);
    expect(draft.confidence).toBeLessThanOrEqual(0.5);
  });

  it('hands a Spanish message to a person with no locale, and with an English locale', async () => {
    const spanish = 'Me cobraron dos veces la factura de este mes, quiero mi dinero';
    for (const locale of [undefined, 'en-AU']) {
      const { acts } = activities();
      const { draft }: { draft: Draft } = await env().run(acts.draftReply, draftInput(spanish, locale));
      expect([locale, draft.escalationRequired]).toEqual([locale, true]);
    }
  });

  it('forwards the locale into the classify request', async () => {
    const { acts, requests } = activities();
    await env().run(acts.classifyIntent, { ticketId: 'T-1', conversation: ['charged twice'], locale: 'vi-VN' });
    expect(requests[0]!.prompt.messages[0]!.content).toContain('<ticket_locale>vi-VN</ticket_locale>');
  });

  it('still accepts inputs without a locale (the ticket workflow does not pass one yet)', async () => {
    const { acts, requests } = activities();
    await env().run(acts.classifyIntent, { ticketId: 'T-1', conversation: ['charged twice'] });
    expect(requests[0]!.prompt.messages[0]!.content).toContain('<ticket_locale>unknown</ticket_locale>');
  });
});
