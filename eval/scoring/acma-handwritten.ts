/**
 * The hand-written set's figures: types right, stated customer counts exact, report dates right, and where every
 * miss went. A miss is safe only if the cross-check sent that incident to a reviewer; one that did not is silent.
 */
import { crossCheck } from '../../domain/compliance/cross-check';
import type { IncidentFacts } from '../../domain/compliance/facts';
import { compileReport, monthPeriod } from '../../workflows/compliance/rules';
import type { HandwrittenCase, HandwrittenSet } from '../datasets/acma-handwritten';

export interface HandwrittenOutcome {
  id: string;
  predicted: IncidentFacts | null;
  /** Fields the cross-check questioned: each holds the report for a reviewer. */
  review: string[];
}

export interface HandwrittenMiss {
  id: string;
  fields: string[];
  reviewed: boolean;
}

export interface HandwrittenFigures {
  items: number;
  types: { n: number; right: number; accuracy: number | null };
  /** Over the breaches whose record states a count. */
  customers: { n: number; exact: number };
  reported: { n: number; right: number };
  reviewed: number;
  misses: HandwrittenMiss[];
  silentMisses: string[];
  /** Each month of the set as of its asOf: expected from the labels, and as the workflow would store it. */
  months: Array<{ month: string; expected: string; predicted: string }>;
}

export function outcomeOf(c: HandwrittenCase, predicted: IncidentFacts | null): HandwrittenOutcome {
  return { id: c.id, predicted, review: predicted ? crossCheck(predicted, c.source).map((m) => m.field) : ['answer'] };
}

const truth = (c: HandwrittenCase): IncidentFacts => ({
  incidentId: c.id,
  date: c.date,
  type: c.expected.type,
  customersAffected: c.expected.customers,
  dateReported: c.expected.dateReported,
});

function missedFields(c: HandwrittenCase, p: IncidentFacts | null): string[] {
  if (!p) return ['answer'];
  const e = c.expected;
  const breach = e.type === 'data_breach';
  return [
    p.type !== e.type && 'type',
    breach && e.customers !== null && p.customersAffected !== e.customers && 'customersAffected',
    breach && p.dateReported !== e.dateReported && 'dateReported',
  ].filter((x): x is string => !!x);
}

export function computeHandwrittenFigures(set: HandwrittenSet, outcomes: HandwrittenOutcome[]): HandwrittenFigures {
  const pairs = set.cases.map((c) => ({ c, o: outcomes.find((x) => x.id === c.id)! }));
  const breachesWithCount = pairs.filter(({ c }) => c.expected.type === 'data_breach' && c.expected.customers !== null);
  const breaches = pairs.filter(({ c }) => c.expected.type === 'data_breach');
  const misses = pairs
    .map(({ c, o }) => ({ id: c.id, fields: missedFields(c, o.predicted), reviewed: o.review.length > 0 }))
    .filter((m) => m.fields.length > 0);
  const months = [...new Set(set.cases.map((c) => c.date.slice(0, 7)))].sort().map((month) => {
    const inMonth = pairs.filter(({ c }) => c.date.startsWith(month));
    const period = monthPeriod(month);
    const open = inMonth.flatMap(({ c, o }) =>
      o.review.map((field) => ({ incidentId: c.id, field: 'type' as const, extracted: field, problem: field })),
    );
    const predicted = inMonth.flatMap(({ o }) => (o.predicted ? [o.predicted] : []));
    return {
      month,
      expected: compileReport(
        inMonth.map(({ c }) => truth(c)),
        [],
        set.asOf,
        period,
      ).verdict,
      predicted: compileReport(predicted, open, set.asOf, period).verdict,
    };
  });
  const right = pairs.filter(({ c, o }) => o.predicted?.type === c.expected.type).length;
  return {
    items: pairs.length,
    types: { n: pairs.length, right, accuracy: pairs.length ? right / pairs.length : null },
    customers: {
      n: breachesWithCount.length,
      exact: breachesWithCount.filter(({ c, o }) => o.predicted?.customersAffected === c.expected.customers).length,
    },
    reported: {
      n: breaches.length,
      right: breaches.filter(({ c, o }) => o.predicted?.dateReported === c.expected.dateReported).length,
    },
    reviewed: pairs.filter(({ o }) => o.review.length > 0).length,
    misses,
    silentMisses: misses.filter((m) => !m.reviewed).map((m) => m.id),
    months,
  };
}
