import { buildComplianceSeed } from '../../../db/seed/compliance';
import { acmaDataset, type AcmaCase } from '../../../eval/datasets/acma';
import type { AcmaOutcome } from '../../../eval/runners/acma';
import { acmaItemCorrect, computeAcmaFigures, predictedStatus } from '../../../eval/scoring/acma';
import { labelledFacts, reportOf } from '../../../eval/scoring/acma-reports';

const referenceDate = '2025-11-24';
const dataset = acmaDataset(buildComplianceSeed(referenceDate));
const byId = (id: string) => dataset.cases.find((c) => c.id === id)!;

/** The extraction a perfect reader would give: the labels themselves. */
function perfect(c: AcmaCase): AcmaOutcome {
  const e = c.expected;
  const type = e.breach ? 'data_breach' : 'service_outage';
  return {
    id: c.id,
    expected: e,
    predicted: { incidentId: c.id, date: e.date, type, customersAffected: e.customers, dateReported: e.dateReported },
    mismatches: [],
    calls: [],
    latencyMs: 1,
    unusable: false,
  };
}

describe('the labelled ACMA set', () => {
  it('labels every seeded incident and rebuilds the worked example: 2 breaches, 1,700 customers, PASS', () => {
    expect(dataset.cases).toHaveLength(35);
    const [example, month] = dataset.reports;
    expect(example!.incidentIds).toEqual(['INC-2025-001', 'INC-2025-002', 'INC-2025-003', 'INC-2025-004']);
    const facts = example!.incidentIds.map(byId).filter((c) => c.expected.breach);
    const report = reportOf(
      facts.map((c) => labelledFacts(c.id, c.expected)),
      referenceDate,
    );
    expect(report).toEqual({
      verdict: dataset.documentExample.verdict,
      breaches: 2,
      customers: 1700,
      csv: dataset.documentExample.csv,
    });
    // The month before the reference date, by Sydney date: 101 on the 1st counts, 130 on the next month's 1st does not.
    expect(month!.period).toEqual({ start: '2025-10-01', end: '2025-10-31' });
    expect(month!.incidentIds).toContain('INC-2025-101');
    expect(month!.incidentIds).not.toContain('INC-2025-130');
  });
});

describe('ACMA scoring', () => {
  it('gives a perfect reader full marks and the expected verdicts', () => {
    const f = computeAcmaFigures(dataset.cases.map(perfect), dataset.reports, referenceDate);
    expect([f.breach.accuracy, f.customers.accuracy, f.date.accuracy, f.notification.accuracy]).toEqual([1, 1, 1, 1]);
    expect(f.reports.map((r) => [r.predicted.verdict, r.verdictMatch, r.csvMatch])).toEqual([
      ['PASS', true, true],
      ['FAIL', true, true],
    ]);
  });

  it('misses a breach, miscounts customers and drops a report row, and says which', () => {
    const outcomes = dataset.cases.map(perfect).map((o) => {
      if (o.id === 'INC-2025-103')
        return { ...o, predicted: { ...o.predicted!, type: 'security_vulnerability' as const } };
      if (o.id === 'INC-2025-001') return { ...o, predicted: { ...o.predicted!, customersAffected: 5000 } };
      return o;
    });
    const f = computeAcmaFigures(outcomes, dataset.reports, referenceDate);
    expect(f.breach.confusion.matrix[0]).toEqual([f.breach.perLabel[0]!.support - 1, 1]);
    expect(f.customers.exact).toBe(f.customers.n - 1);
    const [example, month] = f.reports;
    expect(example).toMatchObject({ verdictMatch: true, csvMatch: false });
    expect(example!.extraRows).toEqual(['INC-2025-001,2025-01-15,data_breach,5000,2025-01-18,3']);
    // 103 was the late one: without it the month looks compliant, which is the failure this catches.
    expect(month!.expected.verdict).toBe('FAIL');
    expect(month!.predicted.verdict).toBe('PASS');
    expect(month!.missingRows).toEqual([expect.stringMatching(/^INC-2025-103,.*,31$/)]);
    expect(
      predictedStatus(
        outcomes.find((o) => o.id === 'INC-2025-103')!,
        referenceDate,
      ),
    ).toBe('not a breach');
    expect(
      acmaItemCorrect(
        outcomes.find((o) => o.id === 'INC-2025-103')!,
        referenceDate,
      ),
    ).toBe(false);
  });

  it('leaves a report unmatched when an incident in it had no usable answer', () => {
    const outcomes = dataset.cases
      .map(perfect)
      .map((o) => (o.id === 'INC-2025-002' ? { ...o, predicted: null, unusable: true } : o));
    const f = computeAcmaFigures(outcomes, dataset.reports, referenceDate);
    expect(f.reports[0]).toMatchObject({ verdictMatch: false, unanswered: ['INC-2025-002'] });
    expect(f.unusable).toBe(1);
  });
});
