import { z } from 'zod';
import type { ModelCallRecord, ModelTier } from '../../domain/model-call';
import type { Taxonomy } from '../../domain/taxonomy';
import { classificationSchema, draftSchema, type Classification, type Draft } from '../../domain/ticket';
import { exchangeOf, type ModelExchange } from '../audit/sampling';
import type { ModelGateway, ModelRequest } from '../model/contract';
import { fenceCustomerMessages, jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';
import { schemaRequest } from '../model/schema-request';
import type { ClassifyVariables, DraftVariables } from '../model/tasks';

/** The classification schema narrowed to the taxonomy, so an invented intent is invalid output, not a new route. */
export function taxonomyClassificationSchema(taxonomy: Taxonomy) {
  const ids = taxonomy.intents.map((intent) => intent.id) as [string, ...string[]];
  return classificationSchema.extend({ intent: z.enum(ids), secondaryIntent: z.enum(ids).nullable() });
}

export function classifyRequest(
  template: PromptTemplate,
  taxonomy: Taxonomy,
  conversation: string[],
): ModelRequest<Classification> {
  const variables: ClassifyVariables = { conversation };
  const schema = taxonomyClassificationSchema(taxonomy);
  const lines = taxonomy.intents.map((intent) => `${intent.id} | ${intent.department} | ${intent.description}`);
  return schemaRequest({
    task: 'classify_intent',
    prompt: renderPrompt(template, { taxonomy: lines.join('\n'), conversation: fenceCustomerMessages(conversation) }),
    variables: variables as unknown as Record<string, unknown>,
    schema,
    maxTokens: 300,
  });
}

export async function callClassifier(
  gateway: ModelGateway,
  template: PromptTemplate,
  taxonomy: Taxonomy,
  conversation: string[],
): Promise<{ classification: Classification; call: ModelCallRecord; exchange: ModelExchange }> {
  const request = classifyRequest(template, taxonomy, conversation);
  const response = await gateway.call(request);
  return { classification: response.output, call: response.record, exchange: exchangeOf(request, response) };
}

/** Data minimisation: the model needs the facts a reply may quote, not how to reach the customer. */
function forModel(account: DraftVariables['account']) {
  const { contact: _contact, customerRef: _customerRef, ...facts } = account;
  return facts;
}

export async function callDrafter(
  gateway: ModelGateway,
  template: PromptTemplate,
  variables: DraftVariables,
  tier: ModelTier = 'fast',
): Promise<{ draft: Draft; call: ModelCallRecord; exchange: ModelExchange }> {
  const request = schemaRequest<Draft>({
    task: 'draft_reply',
    // Facts travel as JSON in tags: unambiguous for the model, and checkable by the guardrails against the same data.
    prompt: renderPrompt(template, {
      creditPolicy: jsonForPrompt(variables.creditPolicy),
      account: jsonForPrompt(forModel(variables.account)),
      passages: jsonForPrompt(variables.passages),
      classification: jsonForPrompt(variables.classification),
      conversation: fenceCustomerMessages(variables.conversation),
    }),
    variables: variables as unknown as Record<string, unknown>,
    schema: draftSchema,
    maxTokens: 700,
    tier,
  });
  const response = await gateway.call(request);
  // The exchange is for the sealed audit sample only: it holds customer text and must not reach workflow history.
  return { draft: response.output, call: response.record, exchange: exchangeOf(request, response) };
}
