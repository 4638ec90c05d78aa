import { z } from 'zod';
import { incidentFactsSchema, type IncidentFacts } from '../../domain/compliance/facts';
import type { ModelRequest } from '../model/contract';
import { schemaRequest } from '../model/schema-request';
import { jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';
import type { IncidentRecord } from './incidents';

const f = incidentFactsSchema.shape;

/** The facts schema with every field described, so the model reads the same rules in the tool as in the prompt. */
export const extractWireSchema: z.ZodType<IncidentFacts> = z.object({
  incidentId: f.incidentId.describe("The record's id, unchanged."),
  date: f.date.describe('The sydneyDate given in <computed>, unchanged (YYYY-MM-DD).'),
  type: f.type.describe('data_breach, service_outage, security_vulnerability or other, by the rules.'),
  customersAffected: f.customersAffected.describe(
    'The number of affected customers the record states (a hedged count is its number, a range its upper bound), or null.',
  ),
  dateReported: f.dateReported.describe('The earliestReportedOn given in <computed>, unchanged, or null.'),
  confidence: f.confidence.describe('How sure you are of type: 0.9 stated plainly, 0.7 inferred, 0.5 or less unclear.'),
});

const sydneyDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Australia/Sydney',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * What code already knows from the record: its Sydney calendar date (daylight saving is a lookup, not a model's
 * judgement) and the earliest regulator notification. The model copies these; the cross-check still checks them.
 */
export function computedFacts(incident: IncidentRecord): { sydneyDate: string; earliestReportedOn: string | null } {
  const reported = incident.notifications.map((n) => n.reportedOn).sort();
  return { sydneyDate: sydneyDay.format(new Date(incident.openedAt)), earliestReportedOn: reported[0] ?? null };
}

/** The model request for one incident record: the activity and the evaluation send the same one. */
export function extractIncidentRequest(
  template: PromptTemplate,
  incident: IncidentRecord,
): ModelRequest<IncidentFacts> {
  return schemaRequest({
    task: 'extract_incident',
    prompt: renderPrompt(template, {
      computed: jsonForPrompt(computedFacts(incident)),
      incident: jsonForPrompt(incident),
    }),
    variables: { incident },
    schema: extractWireSchema,
    maxTokens: 300,
  });
}
