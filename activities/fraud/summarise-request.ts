import { z } from 'zod';
import { fraudActions, fraudSummarySchema, type FlaggedAccount, type FraudSummary } from '../../domain/fraud/summary';
import type { ModelRequest } from '../model/contract';
import { fraudRiskRule, renderFraudRules } from '../model/rules/fraud-patterns';
import { schemaRequest } from '../model/schema-request';
import { jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';

/** The domain schema with a description on every field: the model reads them as part of the contract. */
export const fraudSummaryWireSchema = z.object({
  narrative: fraudSummarySchema.shape.narrative.describe(
    'One sentence per matched pattern, quoting only figures present in the evidence.',
  ),
  riskLevel: fraudSummarySchema.shape.riskLevel.describe('From the risk rule in the instructions.'),
  recommendedActions: z
    .array(z.enum(fraudActions))
    .min(1)
    .max(4)
    .describe('The pattern table actions for the matched patterns, each once, most urgent first.'),
});

/** The model request for one flagged account's summary: the sweep and the benchmark send the same one. */
export function summariseRequest(template: PromptTemplate, account: FlaggedAccount): ModelRequest<FraudSummary> {
  return schemaRequest({
    task: 'summarise_fraud',
    prompt: renderPrompt(template, {
      patternRules: renderFraudRules(),
      riskRule: fraudRiskRule,
      account: jsonForPrompt(account),
    }),
    variables: { account },
    schema: fraudSummaryWireSchema,
    maxTokens: 500,
  });
}
