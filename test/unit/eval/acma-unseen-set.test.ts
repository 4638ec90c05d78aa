import { headline } from './headline-figures';
import { scoredOffline } from './offline-figures';

/**
 * The fifth and sixth hand-written sets, each by an author who saw neither the rules nor the other sets, each scored
 * once and never used to change the rules: the measurement of how the offline rules meet text nobody fitted them to.
 * Issue 15's target is 95% of types and every stated count exact; the rules do NOT meet it on types (see the
 * README). The figures are pinned as measured, so a rule change shows here; a change made because of either set
 * would spend it, and needs a new one.
 */
describe.each([
  {
    set: 'fifth' as const,
    measured: '61.7% of types, below the target, with one silent miss',
    figures: { types: [37, 60], customers: [24, 27], reported: [26, 30], misses: 26 },
    // HV-25, an outage (a contractor cut a feeder cable) typed a vulnerability: it changes no verdict, but no
    // reviewer sees it. Every other miss, including every breach typed as something else, went to a reviewer.
    silentMisses: ['HV-25'],
  },
  {
    set: 'sixth' as const,
    measured: '76.7% of types, every stated count and report date, no silent miss',
    figures: { types: [46, 60], customers: [21, 21], reported: [22, 22], misses: 14 },
    // Seven of the 22 breaches were typed as something else (four `other`, two a vulnerability, one an outage) and
    // every one went to a reviewer, as did the other seven misses.
    silentMisses: [],
  },
])('the unseen ACMA set ($set)', ({ set, measured, figures, silentMisses }) => {
  const { figures: f } = scoredOffline(set);

  it('never lets a month PASS against its truth', () => {
    expect(f.months.map((m) => m.expected)).toEqual(['FAIL', 'FAIL', 'PENDING']);
    for (const m of f.months) expect(m.predicted).not.toBe('PASS');
  });

  it(`reports its figures as measured: ${measured}`, () => {
    expect(headline(f)).toEqual(figures);
    expect(f.silentMisses).toEqual(silentMisses);
  });
});
