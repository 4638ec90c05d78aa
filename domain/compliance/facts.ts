import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** What the model extracts from one incident record. days_to_report is never extracted: code computes it. */
export const incidentTypes = ['data_breach', 'service_outage', 'security_vulnerability', 'other'] as const;

export const incidentFactsSchema = z.object({
  incidentId: z.string().min(1),
  date: isoDate,
  type: z.enum(incidentTypes),
  customersAffected: z.number().int().nonnegative().nullable(),
  dateReported: isoDate.nullable(),
  /** How sure the extraction is of its type, when it says: under LOW_CONFIDENCE the incident goes to a reviewer. */
  confidence: z.number().min(0).max(1).optional(),
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

/**
 * One correction in a signed review, checked field by field: the legacy schema above took any string, so a review
 * could set `type` to a value no rule knows and silently drop a breach from the report.
 */
const correctionFor = <F extends FactMismatch['field'], V extends z.ZodType<string | null>>(field: F, value: V) =>
  z.object({ incidentId: z.string().min(1).max(64), field: z.literal(field), value }).strict();
export const correctionSchema = z.discriminatedUnion('field', [
  correctionFor('type', z.enum(incidentTypes)),
  correctionFor('date', isoDate),
  correctionFor('dateReported', isoDate.nullable()),
  correctionFor(
    'customersAffected',
    z
      .string()
      .regex(/^\d{1,9}$/, 'a whole number')
      .nullable(),
  ),
]);
export type Correction = z.infer<typeof correctionSchema>;
export const correctionsSchema = z.array(correctionSchema).max(200);

/** What a reviewer signs: the corrections travel as the payload, and the statement's subject is their hash. */
export interface ReviewPayload {
  corrections: Correction[];
}

/** A review the run received and did not count, with the reason: kept in the report for auditors. */
export interface IgnoredReview {
  reviewer: string;
  reason: string;
}

/** PENDING_REVIEW: facts a reviewer has not settled yet; the report is stored so, with its open items, never as PASS. */
export const verdicts = ['PASS', 'FAIL', 'PENDING', 'PENDING_REVIEW'] as const;
export type Verdict = (typeof verdicts)[number];

export interface ComplianceReport {
  period: Period;
  asOf: string;
  verdict: Verdict;
  csv: string;
  summary: string;
  breaches: number;
  customersAffected: number;
  /** The verified identity of the reviewer whose signed review counted (or, before signing, the named one). */
  reviewer: string | null;
  version: number;
  path: string;
  /** Reviews refused or too late: forgeries, invalid corrections, second reviews. Absent before signing. */
  ignoredReviews?: IgnoredReview[];
}
