import { z } from 'zod';

/** What an analyst may be asked to do; the model picks from these and nothing else. */
export const fraudActions = [
  'block_international_roaming',
  'send_sms_verification',
  'escalate_to_fraud_team',
  'no_action',
] as const;

export const fraudSummarySchema = z.object({
  narrative: z.string().min(1).max(1200),
  riskLevel: z.enum(['low', 'medium', 'high']),
  recommendedActions: z.array(z.enum(fraudActions)).min(1).max(4),
});
export type FraudSummary = z.infer<typeof fraudSummarySchema>;

export interface FlaggedAccount {
  accountId: string;
  patterns: string[];
  /** Figures from SQL, by pattern: the only numbers a summary may quote. */
  evidence: Record<string, Record<string, unknown>>;
  planType: string;
}

function figures(value: unknown, into: Set<number>): void {
  if (typeof value === 'number') into.add(Math.round(value * 100) / 100);
  else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) into.add(Math.round(Number(value) * 100) / 100);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) figures(v, into);
}

/**
 * A summary may quote figures from the evidence but never invent one: every number in the narrative must be a figure
 * the SQL produced. Returns the numbers that are not; an unverified summary still reaches the analyst, marked.
 */
export function inventedFigures(narrative: string, evidence: FlaggedAccount['evidence']): string[] {
  const known = new Set<number>();
  figures(evidence, known);
  const found = narrative.match(/\$?\d[\d,]*(\.\d+)?/g) ?? [];
  return found.filter((text) => !known.has(Math.round(Number(text.replace(/[$,]/g, '')) * 100) / 100));
}
