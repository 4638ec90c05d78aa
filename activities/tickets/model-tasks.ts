import { Context } from '@temporalio/activity';
import { z } from 'zod';
import type { Pool } from 'pg';
import type { AccountContext, Passage } from '../../domain/account';
import type { ModelCallRecord } from '../../domain/model-call';
import type { CreditPolicyRow } from '../../domain/policy';
import type { Taxonomy } from '../../domain/taxonomy';
import { classificationSchema, draftSchema, type Classification, type Draft } from '../../domain/ticket';
import { recordModelCall } from '../audit/model-calls';
import type { ModelGateway } from '../model/contract';
import { fenceCustomerMessages, renderPrompt, type PromptTemplate } from '../model/prompt-library';
import type { ClassifyVariables, DraftVariables } from '../model/tasks';

/** The classification schema narrowed to the taxonomy, so an invented intent is invalid output, not a new route. */
export function taxonomyClassificationSchema(taxonomy: Taxonomy) {
  const ids = taxonomy.intents.map((intent) => intent.id) as [string, ...string[]];
  return classificationSchema.extend({ intent: z.enum(ids), secondaryIntent: z.enum(ids).nullable() });
}

export async function recordCall(pool: Pool, call: ModelCallRecord): Promise<void> {
  const info = Context.current().info;
  const workflowId = info.workflowExecution?.workflowId ?? `standalone:${info.activityId}`;
  await recordModelCall(pool, { workflowId, activityId: info.activityId, attempt: info.attempt }, call);
}

export async function callClassifier(
  gateway: ModelGateway,
  template: PromptTemplate,
  taxonomy: Taxonomy,
  conversation: string[],
): Promise<{ classification: Classification; call: ModelCallRecord }> {
  const variables: ClassifyVariables = { conversation };
  const schema = taxonomyClassificationSchema(taxonomy);
  const lines = taxonomy.intents.map((intent) => `${intent.id} | ${intent.department} | ${intent.description}`);
  const response = await gateway.call<Classification>({
    task: 'classify_intent',
    prompt: renderPrompt(template, { taxonomy: lines.join('\n'), conversation: fenceCustomerMessages(conversation) }),
    variables: variables as unknown as Record<string, unknown>,
    schema,
    jsonSchema: z.toJSONSchema(schema) as Record<string, unknown>,
    maxTokens: 300,
    tier: 'fast',
  });
  return { classification: response.output, call: response.record };
}

function describeAccount(account: AccountContext): string {
  const charges = account.recentCharges
    .map((c) => `- ${c.postedOn} ${c.kind} $${c.amount.toFixed(2)}: ${c.description}`)
    .join('\n');
  const plan = account.plan;
  return [
    `Customer first name: ${account.firstName}`,
    `Account status: ${account.status}, tenure ${account.tenureMonths} months`,
    `Plan: ${plan.name} ($${plan.monthlyPrice.toFixed(2)}/month), data ${plan.dataGb ?? 'unlimited'} GB,` +
      ` roaming ${plan.roamingMb} MB/month in ${plan.includedCountries.join(', ')},` +
      ` roaming overage $${plan.roamingOveragePerMb}/MB, data overage $${plan.dataOveragePerGb}/GB`,
    `Charges in the last 90 days:\n${charges || '- none'}`,
  ].join('\n');
}

export async function callDrafter(
  gateway: ModelGateway,
  template: PromptTemplate,
  variables: DraftVariables,
): Promise<{ draft: Draft; call: ModelCallRecord }> {
  const policy = variables.creditPolicy
    .map(
      (row: CreditPolicyRow) =>
        `${row.action} | ${row.maxAmount ?? '-'} | ${row.maxPercent ?? '-'} | ${row.minTenureMonths}`,
    )
    .join('\n');
  const passages = variables.passages.map((p: Passage) => `[${p.id}] ${p.title}\n${p.body}`).join('\n\n');
  const c = variables.classification;
  const response = await gateway.call<Draft>({
    task: 'draft_reply',
    prompt: renderPrompt(template, {
      creditPolicy: policy,
      account: describeAccount(variables.account),
      passages: passages || '(no passages found)',
      classification: `${c.department} / ${c.intent}${c.secondaryIntent ? ` + ${c.secondaryIntent}` : ''}`,
      conversation: fenceCustomerMessages(variables.conversation),
    }),
    variables: variables as unknown as Record<string, unknown>,
    schema: draftSchema,
    jsonSchema: z.toJSONSchema(draftSchema) as Record<string, unknown>,
    maxTokens: 700,
    tier: 'fast',
  });
  return { draft: response.output, call: response.record };
}
