import { abRows, recommend, type AbFigures } from '../../../eval/ab';

const base: AbFigures = {
  label: 'current',
  accuracy: { intent: 0.9, route: 0.8 },
  latencyP50Ms: 800,
  latencyP95Ms: 1500,
  costPerRequestUsd: 0.004,
  tokensPerRequest: 2500,
};
const variant = (over: Partial<AbFigures>): AbFigures => ({ ...base, label: 'candidate', ...over });

describe("A/B and 001's upgrade rule", () => {
  it('switches when accuracy is not worse and the candidate is cheaper', () => {
    const r = recommend(base, variant({ costPerRequestUsd: 0.003 }));
    expect(r.switchToB).toBe(true);
    expect(r.verdict).toMatch(/Switch to candidate/);
  });

  it('switches when accuracy is not worse and the candidate is faster', () => {
    expect(recommend(base, variant({ latencyP50Ms: 600 })).switchToB).toBe(true);
  });

  it('does not switch on worse accuracy, however much cheaper and faster', () => {
    const r = recommend(
      base,
      variant({ accuracy: { intent: 0.89, route: 0.8 }, costPerRequestUsd: 0.001, latencyP50Ms: 200 }),
    );
    expect(r.switchToB).toBe(false);
    expect(r.verdict).toMatch(/worse on accuracy/);
    expect(r.reasons).toContain('candidate is worse on intent accuracy');
  });

  it('does not switch when nothing improves materially', () => {
    const r = recommend(base, variant({ latencyP50Ms: 795, costPerRequestUsd: 0.00399 }));
    expect(r.switchToB).toBe(false);
    expect(r.verdict).toMatch(/no material latency or cost gain/);
  });

  it('ignores millisecond jitter even when it is a large share', () => {
    expect(
      recommend({ ...base, latencyP50Ms: 4 }, variant({ latencyP50Ms: 2, costPerRequestUsd: 0.004 })).switchToB,
    ).toBe(false);
  });

  it('compares tokens when both sides cost nothing (the offline engine)', () => {
    const free = { ...base, costPerRequestUsd: 0 };
    expect(recommend(free, variant({ costPerRequestUsd: 0, tokensPerRequest: 2000 })).switchToB).toBe(true);
    expect(recommend(free, variant({ costPerRequestUsd: 0, tokensPerRequest: 2450 })).switchToB).toBe(false);
  });

  it('treats an accuracy the candidate did not measure as worse', () => {
    expect(
      recommend(base, variant({ accuracy: { intent: 0.95, route: null }, costPerRequestUsd: 0.001 })).switchToB,
    ).toBe(false);
  });

  it('builds the side-by-side rows with deltas and the better side', () => {
    const rows = abRows(base, variant({ accuracy: { intent: 0.92, route: 0.8 }, latencyP50Ms: 900 }));
    expect(rows.find((r) => r.metric === 'intent accuracy')).toMatchObject({ better: 'b' });
    expect(rows.find((r) => r.metric === 'intent accuracy')!.delta).toBeCloseTo(0.02);
    expect(rows.find((r) => r.metric === 'route accuracy')).toMatchObject({ delta: 0, better: 'same' });
    expect(rows.find((r) => r.metric === 'latency p50 (ms)')).toMatchObject({ delta: 100, better: 'a' });
  });
});
