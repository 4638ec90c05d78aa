import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReply, isReplyValid } from '../../../activities/guardrails';
import { duplicatedAmounts } from '../../../activities/guardrails/credit-policy';
import { loadDraftExamples } from '../../../activities/model/rules/draft-examples';
import { injectionConfidenceCap } from '../../../activities/model/rules/ticket-schemas';
import { promptsDir } from '../../../activities/model/prompt-library';
import { creditPolicy, knowledgeArticles } from '../../../db/seed/catalogue';
import { loadPromptSet } from '../../../workers/model-deps';

const examples = loadDraftExamples();
const raw = JSON.parse(readFileSync(join(promptsDir, 'ticket', 'draft-examples.json'), 'utf8')) as Array<{
  answer: Record<string, unknown>;
}>;
const { taxonomy } = loadPromptSet();
const highStakes = new Set(taxonomy.intents.filter((i) => i.stakes === 'high').map((i) => i.id));

/**
 * The worked replies teach the model the draft rules by example, so each must obey them: a wrong example is a rule
 * the model learns that the prompt's text forbids.
 */
describe.each(examples.map((e, i) => [e.intent, i, e] as const))('the worked reply for %s (#%i)', (_intent, i, e) => {
  const account = {
    ...e.facts,
    customerRef: 'CUS-EXAMPLE',
    contact: { email: 'a@example.com', phone: '0400 000 000' },
  };

  it('passes the guardrails against its own facts, passages and message, under the seeded credit policy', () => {
    const findings = checkReply({
      reply: e.answer.reply,
      proposedActions: e.answer.proposedActions,
      account,
      passages: e.passages,
      creditPolicy,
      conversation: [e.message],
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(isReplyValid(findings)).toBe(true);
  });

  it('is an intent of the taxonomy, answered in the order the model decides, citing only its passages', () => {
    expect(taxonomy.intents.map((t) => t.id)).toContain(e.intent);
    expect(Object.keys(raw[i]!.answer)).toEqual([
      'proposedActions',
      'citedPassageIds',
      'reply',
      'escalationRequired',
      'confidence',
    ]);
    const ids = e.passages.map((p) => p.id);
    for (const id of e.answer.citedPassageIds) expect(ids).toContain(id);
  });

  it('quotes each passage as the knowledge base words it: whole sentences of the article with that id', () => {
    for (const passage of e.passages) {
      const article = knowledgeArticles.find((a) => a.id === passage.id);
      expect(article?.title).toBe(passage.title);
      for (const sentence of passage.body.split(/(?<=[.!?])\s+/)) expect(article!.body).toContain(sentence);
    }
  });

  it('proposes a refund only for a duplicate visible in its charges, with its amount and the later charge id', () => {
    for (const action of e.answer.proposedActions) {
      expect(action.type).toBe('refund_duplicate_charge');
      expect(duplicatedAmounts(account)).toContain(action.amount);
      const copies = e.facts.recentCharges.filter((c) => c.amount === action.amount && c.kind !== 'refund');
      const later = [...copies].sort((a, b) => a.postedOn.localeCompare(b.postedOn)).at(-1);
      expect(action.reference).toBe(later?.id);
      expect(action.percent).toBeUndefined();
    }
  });

  it('keeps its facts consistent: tenure from the opening date, roaming charges from usage over the allowance', () => {
    const [y1, m1, d1] = e.facts.openedOn.split('-').map(Number) as [number, number, number];
    const [y2, m2, d2] = e.today.split('-').map(Number) as [number, number, number];
    expect(e.facts.tenureMonths).toBe((y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
    const { roamingMb, roamingOveragePerMb } = e.facts.plan;
    for (const c of e.facts.recentCharges.filter((charge) => charge.kind === 'roaming')) {
      // usageMb is what was used abroad, the allowance included, as the seed's charges record it.
      expect(c.amount).toBeCloseTo((c.usageMb! - roamingMb) * roamingOveragePerMb, 2);
    }
  });

  it('escalates with confidence at or under the cap when a person must act, and is sure only when it need not', () => {
    if (highStakes.has(e.intent)) expect(e.answer.escalationRequired).toBe(true);
    if (e.answer.escalationRequired) expect(e.answer.confidence).toBeLessThanOrEqual(injectionConfidenceCap);
    else expect(e.answer.confidence).toBeGreaterThanOrEqual(0.7);
  });
});

describe('the worked replies as a set', () => {
  it('show sending, reviewing and escalating, a refund, a high-stakes intent and an injection', () => {
    const sure = examples.filter((e) => e.answer.confidence >= 0.9 && !e.answer.escalationRequired);
    const middling = examples.filter((e) => e.answer.confidence > 0.5 && e.answer.confidence < 0.9);
    expect(sure.length).toBeGreaterThanOrEqual(2);
    expect(middling.length).toBeGreaterThanOrEqual(1);
    expect(examples.some((e) => e.answer.proposedActions.length === 1)).toBe(true);
    expect(examples.some((e) => highStakes.has(e.intent))).toBe(true);
    expect(examples.some((e) => /ignore (previous|your) rules/i.test(e.message) && e.answer.confidence <= 0.4)).toBe(
      true,
    );
  });
});
