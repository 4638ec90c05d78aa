import { fraudSummarySchema, type FlaggedAccount, type FraudSummary } from '../../domain/fraud/summary';
import type { ModelRequest } from '../model/contract';
import { schemaRequest } from '../model/schema-request';
import { jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';

/** The model request for one flagged account's summary: the sweep and the benchmark send the same one. */
export function summariseRequest(template: PromptTemplate, account: FlaggedAccount): ModelRequest<FraudSummary> {
  return schemaRequest({
    task: 'summarise_fraud',
    prompt: renderPrompt(template, { account: jsonForPrompt(account) }),
    variables: { account },
    schema: fraudSummarySchema,
    maxTokens: 500,
  });
}
