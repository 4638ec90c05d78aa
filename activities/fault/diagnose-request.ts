import { z } from 'zod';
import { diagnosisSchema, type Diagnosis } from '../../domain/fault/alert';
import { actionCatalog, actionTypes, type ActionType } from '../../domain/fault/catalog';
import type { TelemetryBundle } from '../../domain/fault/telemetry';
import type { ModelRequest } from '../model/contract';
import { schemaRequest } from '../model/schema-request';
import { jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';
import { collapseSyslog } from './syslog-collapse';

const d = diagnosisSchema.shape;

/** The model may only name catalog actions: anything else is invalid output, repaired once, then a human's call. */
export const catalogDiagnosisSchema = z.object({
  rootCause: d.rootCause.describe('The cause with its evidence: log lines with times, the change, the metrics.'),
  recommendedAction: z.enum(actionTypes).describe('The type of exactly one action from the catalog.'),
  confidence: d.confidence.describe('0 to 100: probability that cause and action match the post-incident review.'),
  escalationNote: d.escalationNote.describe('When to escalate (the condition) and to whom.'),
});
export type CatalogDiagnosis = Diagnosis & { recommendedAction: ActionType };

/**
 * The model request for one telemetry bundle: the activity and the evaluation send the same one. The catalog goes
 * without its business-hours rule, which is the policy's to apply, not the model's. The alert is sent once, in its
 * own tag, and repeated syslog lines as counts.
 */
export function diagnoseRequest(template: PromptTemplate, telemetry: TelemetryBundle): ModelRequest<CatalogDiagnosis> {
  const catalog = Object.values(actionCatalog).map(({ type, description, destructive }) => ({
    type,
    description,
    destructive,
  }));
  const { alert: _alert, syslog, ...rest } = telemetry;
  return schemaRequest({
    task: 'diagnose_fault',
    prompt: renderPrompt(template, {
      catalog: jsonForPrompt(catalog),
      alert: jsonForPrompt(telemetry.alert),
      telemetry: jsonForPrompt({ ...rest, syslog: collapseSyslog(syslog) }),
    }),
    variables: { alert: telemetry.alert, telemetry },
    schema: catalogDiagnosisSchema,
    // Two 1,000-character fields are about 500 tokens, plus the rest of the answer and JSON: room to finish.
    maxTokens: 800,
  });
}
