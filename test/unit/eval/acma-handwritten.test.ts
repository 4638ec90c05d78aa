import { extractIncidentOffline } from '../../../activities/model/offline/extract-incident';
import { loadHandwrittenSet } from '../../../eval/datasets/acma-handwritten';
import { computeHandwrittenFigures, outcomeOf } from '../../../eval/scoring/acma-handwritten';

/**
 * The hand-written set, scored with the offline rules. Written before the rules' paraphrase cues and never used to
 * tune them, so these are the figures the README reports, not a target the rules were fitted to.
 */
describe('the hand-written ACMA set', () => {
  const set = loadHandwrittenSet();
  const f = computeHandwrittenFigures(
    set,
    set.cases.map((c) => outcomeOf(c, extractIncidentOffline({ incident: c.incident }))),
  );

  it('has at least 40 records of every required kind', () => {
    expect(f.items).toBeGreaterThanOrEqual(40);
    const kinds = set.cases.map((c) => c.expected.type);
    for (const type of ['data_breach', 'service_outage', 'security_vulnerability', 'other'] as const) {
      expect(kinds).toContain(type);
    }
    expect(set.cases.filter((c) => c.expected.type === 'data_breach' && c.expected.dateReported === null)).toHaveLength(
      4,
    );
  });

  it('sends every miss to a reviewer: none is silent, and no month is PASS against its truth', () => {
    expect(f.silentMisses).toEqual([]);
    for (const m of f.months) if (m.expected !== 'PASS') expect(m.predicted).not.toBe('PASS');
  });

  it('reports its figures as they are', () => {
    expect({ types: f.types.right, customers: f.customers.exact, reported: f.reported.right }).toEqual({
      types: 40,
      customers: 28,
      reported: 29,
    });
    expect([f.types.n, f.customers.n, f.reported.n, f.misses.length]).toEqual([46, 29, 29, 7]);
    expect(f.months).toEqual([
      { month: '2026-02', expected: 'FAIL', predicted: 'FAIL' },
      { month: '2026-03', expected: 'FAIL', predicted: 'PENDING_REVIEW' },
      { month: '2026-04', expected: 'PENDING', predicted: 'PENDING' },
    ]);
  });
});
