import { addDays, daysBetween } from '../../domain/calendar';
import type { FactMismatch, IncidentFacts, Period, Verdict } from '../../domain/compliance/facts';

/** ACMA: a data breach must be reported within 30 days of the incident. */
export const REPORTING_DAYS = 30;

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

/**
 * PENDING_REVIEW while any fact is open: a breach the extraction missed is exactly what a reviewer would find, so no
 * verdict is final before then. Otherwise PASS when every breach was reported in time; FAIL on any late or overdue
 * one; PENDING while an unreported breach is not yet due.
 */
export function verdictOf(breaches: AssessedBreach[], open: FactMismatch[] = []): Verdict {
  if (open.length > 0) return 'PENDING_REVIEW';
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

/** The type column of an incident not counted as a breach until a reviewer says what it is. */
export const UNDER_REVIEW = 'pending_review';

/** Breach rows; while a review is open, each questioned incident not typed a breach is a row too, typed pending_review. */
export function renderCsv(breaches: AssessedBreach[], underReview: IncidentFacts[] = []): string {
  const row = (b: AssessedBreach) =>
    [b.incidentId, b.date, b.type, b.customersAffected ?? '', b.dateReported ?? '', b.daysToReport ?? ''].join(',');
  const rows = [
    ...breaches.map((b) => ({ ...b, line: row(b) })),
    ...underReview.map((f) => ({ ...f, line: [f.incidentId, f.date, UNDER_REVIEW, '', '', ''].join(',') })),
  ].sort((a, b) => (a.date === b.date ? a.incidentId.localeCompare(b.incidentId) : a.date < b.date ? -1 : 1));
  return [CSV_HEADER, ...rows.map((r) => r.line)].join('\n') + '\n';
}

const number = (n: number) => n.toLocaleString('en-AU');
const listOf = (items: string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export function renderSummary(unsorted: AssessedBreach[], period: Period, open: FactMismatch[] = []): string {
  const breaches = sortBreaches(unsorted);
  const verdict = verdictOf(breaches, open);
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
  if (open.length) {
    const items = open.map((m) => `${m.incidentId} ${m.field} (${m.problem})`);
    lines.push(`Not final: ${open.length} open review ${open.length === 1 ? 'item' : 'items'}: ${items.join('; ')}.`);
  }
  lines.push(`Compliance: ${verdict}.`);
  return lines.join(' ');
}

/** The report for a set of facts as of a date: code decides every figure, and open items hold the verdict. */
export function compileReport(facts: IncidentFacts[], open: FactMismatch[], asOf: string, period: Period) {
  const breaches = facts.filter((f) => f.type === 'data_breach').map((f) => assessBreach(f, asOf));
  const questioned = new Set(open.map((m) => m.incidentId));
  const underReview = facts.filter((f) => f.type !== 'data_breach' && questioned.has(f.incidentId));
  return {
    breaches,
    csv: renderCsv(breaches, underReview),
    summary: renderSummary(breaches, period, open),
    verdict: verdictOf(breaches, open),
  };
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
