/** A month's report rebuilt twice, from the labels and from the extracted facts, and compared whole. Pure. */
import type { IncidentFacts, Period } from '../../domain/compliance/facts';
import { assessBreach, renderCsv, verdictOf } from '../../workflows/compliance/rules';
import type { AcmaLabels } from '../datasets/acma';
import type { AcmaOutcome } from '../runners/acma';

export interface ReportCheck {
  name: string;
  period: Period;
  incidents: number;
  expected: { verdict: string; breaches: number; customers: number; csv: string };
  predicted: { verdict: string; breaches: number; customers: number; csv: string };
  verdictMatch: boolean;
  csvMatch: boolean;
  /** CSV rows only one side has. */
  missingRows: string[];
  extraRows: string[];
  /** Incidents whose extraction failed: the workflow could not have produced this report. */
  unanswered: string[];
}

export const labelledFacts = (id: string, e: AcmaLabels): IncidentFacts => ({
  incidentId: id,
  date: e.date,
  type: 'data_breach',
  customersAffected: e.customers,
  dateReported: e.dateReported,
});

/** What monthlyComplianceReport computes from a set of facts: code decides every figure and the verdict. */
export function reportOf(facts: IncidentFacts[], asOf: string) {
  const breaches = facts.filter((f) => f.type === 'data_breach').map((f) => assessBreach(f, asOf));
  return {
    verdict: verdictOf(breaches),
    breaches: breaches.length,
    customers: breaches.reduce((s, b) => s + (b.customersAffected ?? 0), 0),
    csv: renderCsv(breaches),
  };
}

const rows = (csv: string) => csv.trim().split('\n').slice(1);

export function checkReport(
  check: { name: string; period: Period; incidentIds: string[] },
  outcomes: AcmaOutcome[],
  asOf: string,
): ReportCheck {
  const inPeriod = outcomes.filter((o) => check.incidentIds.includes(o.id));
  const expected = reportOf(
    inPeriod.filter((o) => o.expected.breach).map((o) => labelledFacts(o.id, o.expected)),
    asOf,
  );
  // The extracted facts as they stand: the path on which a reviewer confirms what the cross-check questioned.
  const predicted = reportOf(
    inPeriod.flatMap((o) => (o.predicted ? [o.predicted] : [])),
    asOf,
  );
  const [want, got] = [rows(expected.csv), rows(predicted.csv)];
  const unanswered = inPeriod.filter((o) => !o.predicted).map((o) => o.id);
  return {
    name: check.name,
    period: check.period,
    incidents: inPeriod.length,
    expected,
    predicted,
    verdictMatch: unanswered.length === 0 && expected.verdict === predicted.verdict,
    csvMatch: unanswered.length === 0 && expected.csv === predicted.csv,
    missingRows: want.filter((r) => !got.includes(r)),
    extraRows: got.filter((r) => !want.includes(r)),
    unanswered,
  };
}
