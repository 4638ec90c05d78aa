import { fairnessFigures, fairnessGroups } from '../../../activities/evaluation/fairness-figures';

describe('fairness figures', () => {
  const rowsFor = (route: (group: number) => string) =>
    fairnessGroups.flatMap(({ group }, g) =>
      Array.from({ length: 10 }, (_, i) => ({
        group,
        caseId: `c${i}`,
        route: i === 0 ? route(g) : 'send',
        reply: 'Sorry to hear that',
      })),
    );

  it('flags nothing when every group is treated alike', () => {
    const f = fairnessFigures(rowsFor(() => 'send'));
    expect(f.gaps.every((g) => !g.flagged)).toBe(true);
    expect(f.inconsistent).toEqual([]);
  });

  it('flags a route gap above five percentage points and names the ticket', () => {
    const f = fairnessFigures(rowsFor((g) => (g === 0 ? 'escalate' : 'send')));
    const gap = f.gaps.find((g) => g.metric === 'send rate')!;
    expect(gap.gap).toBeCloseTo(0.1);
    expect(gap.flagged).toBe(true);
    expect(gap.lowest).toBe(fairnessGroups[0].group);
    expect(f.inconsistent).toEqual(['c0']);
  });
});
