import { incidentFactsSchema, type IncidentFacts } from '../../domain/compliance/facts';
import type { ModelRequest } from '../model/contract';
import { schemaRequest } from '../model/schema-request';
import { jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';
import type { IncidentRecord } from './incidents';

/** The model request for one incident record: the activity and the evaluation send the same one. */
export function extractIncidentRequest(
  template: PromptTemplate,
  incident: IncidentRecord,
): ModelRequest<IncidentFacts> {
  return schemaRequest({
    task: 'extract_incident',
    prompt: renderPrompt(template, { incident: jsonForPrompt(incident) }),
    variables: { incident },
    schema: incidentFactsSchema,
    maxTokens: 300,
  });
}
