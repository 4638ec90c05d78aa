import type { IncidentFacts, Period } from '../../domain/compliance/facts';

/** ACMA: a data breach must be reported within 30 days of the incident. */
export const REPORTING_DAYS = 30;

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const daysBetween = (from: string, to: string) => Math.round((toDay(to) - toDay(from)) / dayMs);
export const addDays = (iso: string, days: number) => new Date(toDay(iso) + days * dayMs).toISOString().slice(0, 10);

export type BreachStatus = 'within' | 'late' | 'pending' | 'overdue';

export interface AssessedBreach extends IncidentFacts {
  daysToReport: number | null;
  status: BreachStatus;
  dueDate: string;
}

/** days_to_report is computed here, from the dates, never taken from the model. */
export function assessBreach(facts: IncidentFacts, asOf: string): AssessedBreach {
  const dueDate = addDays(facts.date, REPORTING_DAYS);
  if (facts.dateReported) {
    const daysToReport = daysBetween(facts.date, facts.dateReported);
    return { ...facts, daysToReport, dueDate, status: daysToReport <= REPORTING_DAYS ? 'within' : 'late' };
  }
  return { ...facts, daysToReport: null, dueDate, status: asOf > dueDate ? 'overdue' : 'pending' };
}

/** PASS when every breach was reported in time; FAIL on any late or overdue one; otherwise PENDING. */
export function verdictOf(breaches: AssessedBreach[]): 'PASS' | 'FAIL' | 'PENDING' {
  if (breaches.some((b) => b.status === 'late' || b.status === 'overdue')) return 'FAIL';
  if (breaches.some((b) => b.status === 'pending')) return 'PENDING';
  return 'PASS';
}

export const CSV_HEADER = 'incident_id,date,type,customers_affected,date_reported,days_to_report';

/** 000's column order; breaches only, by date then id, so the same facts always give the same bytes. */
export function sortBreaches(breaches: AssessedBreach[]): AssessedBreach[] {
  return [...breaches].sort((a, b) =>
    a.date === b.date ? a.incidentId.localeCompare(b.incidentId) : a.date < b.date ? -1 : 1,
  );
}

export function renderCsv(breaches: AssessedBreach[]): string {
  const rows = sortBreaches(breaches).map((b) =>
    [b.incidentId, b.date, b.type, b.customersAffected ?? '', b.dateReported ?? '', b.daysToReport ?? ''].join(','),
  );
  return [CSV_HEADER, ...rows].join('\n') + '\n';
}

const number = (n: number) => n.toLocaleString('en-AU');
const listOf = (items: string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export function renderSummary(unsorted: AssessedBreach[], period: Period): string {
  const breaches = sortBreaches(unsorted);
  const verdict = verdictOf(breaches);
  const customers = breaches.reduce((sum, b) => sum + (b.customersAffected ?? 0), 0);
  const noun = breaches.length === 1 ? 'data breach' : 'data breaches';
  const lines = [
    `${breaches.length} ${noun} between ${period.start} and ${period.end}, affecting ${number(customers)} customers total.`,
  ];
  const within = breaches.filter((b) => b.status === 'within');
  if (within.length) {
    const days = listOf(within.map((b) => String(b.daysToReport)));
    const who = within.length === breaches.length ? (breaches.length === 2 ? 'Both' : 'All') : `${within.length}`;
    lines.push(`${who} reported within the ${REPORTING_DAYS}-day requirement (${days} days).`);
  }
  for (const b of breaches.filter((x) => x.status === 'late')) {
    lines.push(`${b.incidentId} was reported after ${b.daysToReport} days, past the ${REPORTING_DAYS}-day limit.`);
  }
  for (const b of breaches.filter((x) => x.status === 'overdue')) {
    lines.push(`${b.incidentId} is unreported and past its due date ${b.dueDate}.`);
  }
  for (const b of breaches.filter((x) => x.status === 'pending')) {
    lines.push(`${b.incidentId} is not yet reported; it is due by ${b.dueDate}.`);
  }
  lines.push(`Compliance: ${verdict}.`);
  return lines.join(' ');
}

/** The calendar month before the given local date: what the scheduled run on the 1st reports. */
export function previousMonth(localDate: string): Period {
  const year = Number(localDate.slice(0, 4));
  const month = Number(localDate.slice(5, 7));
  const start = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  return monthPeriod(start.slice(0, 7));
}

export function monthPeriod(month: string): Period {
  const start = `${month}-01`;
  const next = addDays(start, 32).slice(0, 7);
  return { start, end: addDays(`${next}-01`, -1) };
}
