/** Incident-level ACMA figures: breach or not, the customer count, the date, and the 30-day status. Pure. */
import { assessBreach } from '../../workflows/compliance/rules';
import { labelFigures, type LabelFigures } from '../figures';
import { ratio, type Pair } from '../metrics';
import type { AcmaOutcome } from '../runners/acma';
import { checkReport, labelledFacts, type ReportCheck } from './acma-reports';
import { callFigures, type CallFigures } from './calls';
import type { HandwrittenFigures } from './acma-handwritten';

export interface AcmaFigures {
  items: number;
  errors: number;
  unusable: number;
  asOf: string;
  breach: LabelFigures;
  /** Over the labelled breaches: the exact count extracted. */
  customers: { n: number; exact: number; accuracy: number | null };
  date: { n: number; accuracy: number | null };
  /** Over the labelled breaches: within, late, pending or overdue, as the 30-day rule reads each side's facts. */
  notification: LabelFigures;
  /** Cross-check questions raised: each would hold the month's report for a reviewer. */
  mismatches: { count: number; incidents: string[] };
  reports: ReportCheck[];
  calls: CallFigures;
  /** The hand-written development set, the rules' own (stored under `handwritten` by runs before the held-out set). */
  development?: HandwrittenFigures;
  handwritten?: HandwrittenFigures;
  /** The hand-written held-out set: scored once, then the rules learned from it (absent in runs from before it). */
  heldout?: HandwrittenFigures;
  /** The hand-written final set: scored once, then the rules learned from it. */
  final?: HandwrittenFigures;
  /** The hand-written fourth set: scored once, then the rules learned from it. */
  fourth?: HandwrittenFigures;
  /** The hand-written fifth set: scored once, never used to change the rules. The measurement. */
  fifth?: HandwrittenFigures;
  /** The hand-written sixth set: scored once, never used to change the rules (absent in runs from before it). */
  sixth?: HandwrittenFigures;
}

const NOT_A_BREACH = 'not a breach';
const breachOf = (o: AcmaOutcome) => (o.predicted?.type === 'data_breach' ? 'breach' : NOT_A_BREACH);

/** The 30-day status the workflow would give this incident, or why it gives none. */
export function predictedStatus(o: AcmaOutcome, asOf: string): string {
  if (!o.predicted) return '(no answer)';
  return o.predicted.type === 'data_breach' ? assessBreach(o.predicted, asOf).status : NOT_A_BREACH;
}

export const acmaItemCorrect = (o: AcmaOutcome, asOf: string) =>
  !!o.predicted &&
  (breachOf(o) === 'breach') === o.expected.breach &&
  (!o.expected.breach ||
    (o.predicted.customersAffected === o.expected.customers &&
      predictedStatus(o, asOf) === assessBreach(labelledFacts(o.id, o.expected), asOf).status));

export function computeAcmaFigures(
  outcomes: AcmaOutcome[],
  reports: Array<{ name: string; period: { start: string; end: string }; incidentIds: string[] }>,
  asOf: string,
): AcmaFigures {
  const answered = outcomes.filter((o) => o.predicted);
  const breaches = answered.filter((o) => o.expected.breach);
  const breachPairs: Pair[] = answered.map((o) => ({
    actual: o.expected.breach ? 'breach' : NOT_A_BREACH,
    predicted: breachOf(o),
  }));
  const statusPairs: Pair[] = outcomes
    .filter((o) => o.expected.breach)
    .map((o) => ({
      actual: assessBreach(labelledFacts(o.id, o.expected), asOf).status,
      predicted: predictedStatus(o, asOf),
    }));
  const exact = breaches.filter((o) => o.predicted!.customersAffected === o.expected.customers).length;
  const questioned = outcomes.filter((o) => o.mismatches.length > 0);
  return {
    items: outcomes.length,
    errors: outcomes.filter((o) => o.error).length,
    unusable: outcomes.filter((o) => o.unusable).length,
    asOf,
    breach: labelFigures(breachPairs, ['breach', NOT_A_BREACH]),
    customers: { n: breaches.length, exact, accuracy: ratio(exact, breaches.length) },
    date: {
      n: answered.length,
      accuracy: ratio(answered.filter((o) => o.predicted!.date === o.expected.date).length, answered.length),
    },
    notification: labelFigures(statusPairs, ['within', 'late', 'pending', 'overdue', NOT_A_BREACH]),
    mismatches: {
      count: questioned.reduce((s, o) => s + o.mismatches.length, 0),
      incidents: questioned.map((o) => o.id),
    },
    reports: reports.map((r) => checkReport(r, outcomes, asOf)),
    calls: callFigures(outcomes.flatMap((o) => o.calls)),
  };
}
