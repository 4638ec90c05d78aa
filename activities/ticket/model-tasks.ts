import { z } from 'zod';
import type { ModelCallRecord, ModelTier } from '../../domain/model-call';
import type { Taxonomy } from '../../domain/taxonomy';
import { classificationSchema, type Classification, type Draft } from '../../domain/ticket';
import { exchangeOf, type ModelExchange } from '../audit/sampling';
import type { ModelGateway, ModelRequest } from '../model/contract';
import { fenceCustomerMessages, jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';
import { workedRepliesText } from '../model/rules/draft-examples';
import { loadFewShot, renderFewShot } from '../model/rules/few-shot';
import { uncoveredLanguage } from '../model/rules/language';
import { draftWireSchema, injectionConfidenceCap } from '../model/rules/ticket-schemas';
import { schemaRequest } from '../model/schema-request';
import type { DraftVariables } from '../model/tasks';

/**
 * What the model is asked for, in the order it should decide: the reason first, then the intents, then how sure it
 * is. No department: the taxonomy owns it, so asking the model would only invite a disagreement to overwrite.
 */
export function classificationWireSchema(taxonomy: Taxonomy) {
  const ids = taxonomy.intents.map((intent) => intent.id) as [string, ...string[]];
  const c = classificationSchema.shape;
  return z.object({
    reason: c.reason.describe("One short sentence naming the customer's words that decide the intent."),
    intent: z.enum(ids).describe('The primary intent id; a high-stakes intent is always primary.'),
    secondaryIntent: z
      .enum(ids)
      .nullable()
      .describe('A second, separate request in the conversation, or null. Never the same as intent.'),
    confidence: c.confidence.describe('Probability the primary intent is correct, on the anchors in the rules.'),
    needsClarification: c.needsClarification.describe('True only when a single message is too vague to act on.'),
  });
}

const classificationSchemas = new WeakMap<Taxonomy, z.ZodType<Classification>>();

/** The classification schema narrowed to the taxonomy, so an invented intent is invalid output, not a new route. */
export function taxonomyClassificationSchema(taxonomy: Taxonomy): z.ZodType<Classification> {
  let schema = classificationSchemas.get(taxonomy);
  if (!schema) classificationSchemas.set(taxonomy, (schema = buildClassificationSchema(taxonomy)));
  return schema;
}

function buildClassificationSchema(taxonomy: Taxonomy): z.ZodType<Classification> {
  const departments = new Map(taxonomy.intents.map((intent) => [intent.id, intent.department]));
  return classificationWireSchema(taxonomy).transform((answer) => ({
    ...answer,
    department: departments.get(answer.intent)!,
  }));
}

const classifySlotsByTaxonomy = new WeakMap<Taxonomy, ReturnType<typeof buildClassifySlots>>();

/** The stable part of the classify prompt: the same bytes for every ticket, so the cache can serve it. Built once. */
function classifySlots(taxonomy: Taxonomy) {
  let slots = classifySlotsByTaxonomy.get(taxonomy);
  if (!slots) classifySlotsByTaxonomy.set(taxonomy, (slots = buildClassifySlots(taxonomy)));
  return slots;
}

function buildClassifySlots(taxonomy: Taxonomy) {
  const lines = taxonomy.intents.map((i) => `${i.id} | ${i.department} | ${i.stakes} | ${i.description}`);
  const highStakes = taxonomy.intents.filter((i) => i.stakes === 'high').map((i) => i.id);
  return {
    taxonomy: lines.join('\n'),
    highStakes: highStakes.join(', '),
    examples: renderFewShot(taxonomy, loadFewShot()),
  };
}

export function classifyRequest(
  template: PromptTemplate,
  taxonomy: Taxonomy,
  conversation: string[],
  locale = 'unknown',
): ModelRequest<Classification> {
  return schemaRequest({
    task: 'classify_intent',
    prompt: renderPrompt(template, {
      ...classifySlots(taxonomy),
      locale: jsonForPrompt(locale).slice(1, -1),
      conversation: fenceCustomerMessages(conversation),
    }),
    variables: { conversation },
    schema: taxonomyClassificationSchema(taxonomy),
    maxTokens: 300,
  });
}

export async function callClassifier(
  gateway: ModelGateway,
  template: PromptTemplate,
  taxonomy: Taxonomy,
  conversation: string[],
  locale?: string,
): Promise<{ classification: Classification; call: ModelCallRecord; exchange: ModelExchange }> {
  const request = classifyRequest(template, taxonomy, conversation, locale);
  const response = await gateway.call(request);
  return { classification: response.output, call: response.record, exchange: exchangeOf(request, response) };
}

/** Data minimisation: the model needs the facts a reply may quote, not how to reach the customer. */
function forModel(account: DraftVariables['account']) {
  const { contact: _contact, customerRef: _customerRef, ...facts } = account;
  return facts;
}

export function draftRequest(variables: DraftVariables, template: PromptTemplate, tier: ModelTier = 'fast') {
  // Only the duplicate-refund row: the other rows' caps read as permission to offer up to them, and a person decides
  // those. The policy is the same for every ticket, so it stays in the cached system prompt.
  const refundPolicy = variables.creditPolicy
    .filter((row) => row.action === 'refund_duplicate_charge')
    .map(({ action, maxAmount, minTenureMonths }) => ({ action, maxAmount, minTenureMonths }));
  return schemaRequest<Draft>({
    task: 'draft_reply',
    // Facts travel as JSON in tags: unambiguous for the model, and checkable by the guardrails against the same data.
    prompt: renderPrompt(template, {
      refundPolicy: jsonForPrompt(refundPolicy),
      workedReplies: workedRepliesText(),
      creditPolicy: jsonForPrompt(variables.creditPolicy),
      today: variables.today ?? new Date().toISOString().slice(0, 10),
      locale: jsonForPrompt(variables.locale ?? 'unknown').slice(1, -1),
      account: jsonForPrompt(forModel(variables.account)),
      passages: jsonForPrompt(variables.passages),
      classification: jsonForPrompt(variables.classification),
      conversation: fenceCustomerMessages(variables.conversation),
    }),
    variables: variables as unknown as Record<string, unknown>,
    schema: draftWireSchema,
    // 4,000 characters of reply is about 1,000 tokens; the rest of the answer is small.
    maxTokens: 1400,
    tier,
  });
}

export async function callDrafter(
  gateway: ModelGateway,
  template: PromptTemplate,
  variables: DraftVariables,
  tier: ModelTier = 'fast',
): Promise<{ draft: Draft; call: ModelCallRecord; exchange: ModelExchange; escalationReason?: string }> {
  const request = draftRequest(variables, template, tier);
  const response = await gateway.call(request);
  // The guardrails read English only: a reply they cannot check goes to a person, whatever the model said.
  const uncovered = uncoveredLanguage(variables.conversation, variables.locale);
  const draft = uncovered
    ? {
        ...response.output,
        escalationRequired: true,
        confidence: Math.min(response.output.confidence, injectionConfidenceCap),
      }
    : response.output;
  // The exchange is for the sealed audit sample only: it holds customer text and must not reach workflow history.
  const result = { draft, call: response.record, exchange: exchangeOf(request, response) };
  return uncovered ? { ...result, escalationReason: uncovered } : result;
}
