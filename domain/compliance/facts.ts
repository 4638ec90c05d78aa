import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What the model extracts from one incident record. days_to_report is never extracted: code computes it. */
export const incidentFactsSchema = z.object({
  incidentId: z.string().min(1),
  date: isoDate,
  type: z.enum(['data_breach', 'service_outage', 'security_vulnerability', 'other']),
  customersAffected: z.number().int().nonnegative().nullable(),
  dateReported: isoDate.nullable(),
});
export type IncidentFacts = z.infer<typeof incidentFactsSchema>;

export const periodSchema = z
  .object({ start: isoDate, end: isoDate })
  .refine((p) => p.start <= p.end, 'period start must not be after its end');
export type Period = z.infer<typeof periodSchema>;

/** A fact the cross-check could not find in the source record: a person decides. */
export interface FactMismatch {
  incidentId: string;
  field: 'date' | 'customersAffected' | 'dateReported' | 'type';
  extracted: string;
  problem: string;
}

export const reviewSchema = z
  .object({
    reviewer: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'reviewer must be an id'),
    corrections: z
      .array(
        z.object({
          incidentId: z.string().min(1),
          field: z.enum(['date', 'customersAffected', 'dateReported', 'type']),
          value: z.string().nullable(),
        }),
      )
      .max(200),
  })
  .strict();
export type Review = z.infer<typeof reviewSchema>;

export interface ComplianceReport {
  period: Period;
  asOf: string;
  verdict: 'PASS' | 'FAIL' | 'PENDING';
  csv: string;
  summary: string;
  breaches: number;
  customersAffected: number;
  reviewer: string | null;
  version: number;
  path: string;
}
