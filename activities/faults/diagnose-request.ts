import { z } from 'zod';
import { diagnosisSchema, type Diagnosis } from '../../domain/fault/alert';
import { actionCatalog, actionTypes, type ActionType } from '../../domain/fault/catalog';
import type { TelemetryBundle } from '../../domain/fault/telemetry';
import type { ModelRequest } from '../model/contract';
import { schemaRequest } from '../model/schema-request';
import { jsonForPrompt, renderPrompt, type PromptTemplate } from '../model/prompt-library';

/** The model may only name catalog actions: anything else is invalid output, repaired once, then a human's call. */
export const catalogDiagnosisSchema = diagnosisSchema.extend({ recommendedAction: z.enum(actionTypes) });
export type CatalogDiagnosis = Diagnosis & { recommendedAction: ActionType };

/**
 * The model request for one telemetry bundle: the activity and the evaluation send the same one. The catalog goes
 * without its business-hours rule, which is the policy's to apply, not the model's.
 */
export function diagnoseRequest(template: PromptTemplate, telemetry: TelemetryBundle): ModelRequest<CatalogDiagnosis> {
  const catalog = Object.values(actionCatalog).map(({ type, description, destructive }) => ({
    type,
    description,
    destructive,
  }));
  return schemaRequest({
    task: 'diagnose_fault',
    prompt: renderPrompt(template, {
      catalog: jsonForPrompt(catalog),
      alert: jsonForPrompt(telemetry.alert),
      telemetry: jsonForPrompt(telemetry),
    }),
    variables: { alert: telemetry.alert, telemetry },
    schema: catalogDiagnosisSchema,
    maxTokens: 600,
  });
}
