/**
 * The hand-written ACMA sets, each independent of the seed and in the words operators use, each written apart from
 * the rules and scored once before anything was learned from it: development (acma-development.json, HW-*),
 * held-out (acma-heldout.json, HO-*), final (acma-final.json, HF-*) and fourth (acma-fourth.json, HQ-*), all since
 * used to develop the rules, and the fifth (acma-fifth.json, HV-*) and sixth (acma-sixth.json, HS-*), never used to
 * change them. No database: each record is given to the model as the workflow's readIncident would give it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sydneyToUtc } from '../../db/seed/compliance';
import type { IncidentSource } from '../../domain/compliance/cross-check';
import { incidentTypes } from '../../domain/compliance/facts';
import type { IncidentRecord } from '../../activities/compliance/incidents';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const recordSchema = z
  .object({
    id: z.string().regex(/^(HW|HO|HF|HQ|HV|HS)-\d+$/),
    date: isoDate,
    at: z.string().regex(/^\d{2}:\d{2}$/),
    type: z.enum(incidentTypes).nullable(),
    customers: z.number().int().nonnegative().nullable(),
    notifications: z.array(isoDate),
    text: z.string().min(1),
    label: z
      .object({
        type: z.enum(incidentTypes),
        customers: z.number().int().nonnegative().nullable(),
        dateReported: isoDate.nullable(),
      })
      .strict(),
  })
  .strict();
const fileSchema = z.object({ about: z.string(), asOf: isoDate, records: z.array(recordSchema).min(40) }).strict();

export type HandwrittenLabel = z.infer<typeof recordSchema>['label'];
export interface HandwrittenCase {
  id: string;
  date: string;
  incident: IncidentRecord;
  source: IncidentSource;
  expected: HandwrittenLabel;
}
export interface HandwrittenSet {
  name: HandwrittenSetName;
  asOf: string;
  cases: HandwrittenCase[];
}

export const handwrittenSets = ['development', 'heldout', 'final', 'fourth', 'fifth', 'sixth'] as const;
export type HandwrittenSetName = (typeof handwrittenSets)[number];

export function loadHandwrittenSet(
  name: HandwrittenSetName,
  path = join(__dirname, `acma-${name}.json`),
): HandwrittenSet {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return {
    name,
    asOf: parsed.data.asOf,
    cases: parsed.data.records.map((r) => ({
      id: r.id,
      date: r.date,
      expected: r.label,
      incident: {
        id: r.id,
        openedAt: sydneyToUtc(r.date, r.at),
        description: r.text,
        incidentType: r.type,
        customersAffected: r.customers,
        notifications: r.notifications.map((reportedOn, i) => ({ reportedOn, reference: `ACMA-${r.id}-${i + 1}` })),
      },
      source: {
        id: r.id,
        localDate: r.date,
        description: r.text,
        incidentType: r.type,
        customersAffected: r.customers,
        reportedOn: r.notifications,
      },
    })),
  };
}
