/**
 * The labelled ACMA set: every seeded incident, with a person's reading of whether it is a data breach and how many
 * customers it affected (acma-labels.json), and the record's own dates. Two reports are checked whole: the source
 * document's worked example and the seeded month, as of the seed's reference date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import incidentsJson from '../../db/seed/compliance/incidents.json';
import { periodSchema, type Period } from '../../domain/compliance/facts';
import { sydneyDate } from '../../activities/model/offline/extract-incident';
import { addDays } from '../../domain/calendar';
import { monthPeriod } from '../../workflows/compliance/rules';

const labelSchema = z.object({ breach: z.boolean(), customers: z.number().int().nonnegative().nullable() }).strict();
const fileSchema = z
  .object({
    about: z.string(),
    documentExample: z.object({
      period: periodSchema,
      csv: z.string().min(1),
      breaches: z.number().int(),
      customers: z.number().int(),
      verdict: z.enum(['PASS', 'FAIL', 'PENDING']),
    }),
    sample: z.record(z.string(), labelSchema),
    month: z.record(z.string(), labelSchema),
  })
  .strict();
export type DocumentExample = z.infer<typeof fileSchema>['documentExample'];

export interface AcmaLabels {
  breach: boolean;
  customers: number | null;
  /** From the record, not from a person: its Sydney date and its earliest regulator notification. */
  date: string;
  dateReported: string | null;
}

export interface AcmaCase {
  id: string;
  expected: AcmaLabels;
}

export interface AcmaDataset {
  referenceDate: string;
  cases: AcmaCase[];
  reports: Array<{ name: string; period: Period; incidentIds: string[] }>;
  documentExample: DocumentExample;
}

export function loadAcmaLabels(path = join(__dirname, 'acma-labels.json')) {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

export interface IncidentRecordRow {
  id: string;
  openedAt: string;
  description: string;
}

/** The incident log as stored: the rows the labels are matched to, and every regulator notification. */
export async function readIncidentLog(pool: Pool) {
  const incidents = await pool.query('SELECT id, opened_at, description FROM incidents ORDER BY id');
  const notes = await pool.query('SELECT incident_id, reported_on::text AS reported_on FROM regulator_notifications');
  return {
    incidents: incidents.rows.map((r) => ({
      id: r.id as string,
      openedAt: (r.opened_at as Date).toISOString(),
      description: r.description as string,
    })),
    notifications: notes.rows.map((r) => ({
      incidentId: r.incident_id as string,
      reportedOn: r.reported_on as string,
    })),
  };
}

const sampleText = new Map(incidentsJson.sample.map((i) => [i.id, i.text]));
const monthText = new Map([...incidentsJson.month, incidentsJson.pending].map((i) => [String(i.n), i.text]));

/**
 * Labels matched to the stored incidents by id, each checked against the seed's text so a label never lands on
 * another record. Dates come from the records; the seed's own layout gives the rest: the unreported incident is
 * opened a fixed number of days before the reference date ("as of" for the 30-day rule), and incident 101 on the
 * 1st of the seeded month.
 */
export function acmaDataset(
  log: { incidents: IncidentRecordRow[]; notifications: Array<{ incidentId: string; reportedOn: string }> },
  labels = loadAcmaLabels(),
): AcmaDataset {
  const byN = (n: number) => log.incidents.find((i) => i.id.endsWith(`-${n}`));
  const [pending, first] = [byN(incidentsJson.pending.n), byN(101)];
  if (!pending || !first) throw new Error('the database has no seeded incidents: run `npm run seed` first');
  const referenceDate = addDays(sydneyDate(pending.openedAt), incidentsJson.pending.daysBeforeReference);
  const cases = log.incidents.map((row) => {
    const n = /^INC-\d{4}-(\d+)$/.exec(row.id)?.[1];
    const key = n ? String(Number(n)) : '';
    const label = labels.sample[row.id] ?? labels.month[key];
    const text = sampleText.get(row.id) ?? monthText.get(key);
    if (!label) throw new Error(`acma-labels.json has no label for ${row.id}`);
    if (text !== row.description) throw new Error(`${row.id} is not the seeded incident: run \`npm run seed\` again`);
    const reported = log.notifications
      .filter((x) => x.incidentId === row.id)
      .map((x) => x.reportedOn)
      .sort();
    return { id: row.id, expected: { ...label, date: sydneyDate(row.openedAt), dateReported: reported[0] ?? null } };
  });
  // As the workflow's loadIncidents: an incident belongs to the month of its Sydney date.
  const within = (period: Period) =>
    cases.filter((c) => c.expected.date >= period.start && c.expected.date <= period.end).map((c) => c.id);
  const example = labels.documentExample.period;
  const month = monthPeriod(sydneyDate(first.openedAt).slice(0, 7));
  return {
    referenceDate,
    cases,
    reports: [
      { name: "the source document's worked example", period: example, incidentIds: within(example) },
      { name: `the seeded month ${month.start.slice(0, 7)}`, period: month, incidentIds: within(month) },
    ],
    documentExample: labels.documentExample,
  };
}
