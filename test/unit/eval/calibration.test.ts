import { bandOf, calibrationBands, calibrationCurve, CLAIMED_BANDS, thresholdFor } from '../../../eval/calibration';

const thresholds = { send: 0.85, review: 0.6 };
const point = (confidence: number, correct: boolean) => ({ confidence, correct });

describe('confidence calibration', () => {
  it("quotes 001's table: high ~70% at ~2%, medium ~20% at ~8%, low ~10% at ~25%", () => {
    expect(CLAIMED_BANDS).toEqual({
      high: { share: 0.7, errorRate: 0.02 },
      medium: { share: 0.2, errorRate: 0.08 },
      low: { share: 0.1, errorRate: 0.25 },
    });
  });

  it('bands confidences by the routing thresholds (send strictly above, review inclusive)', () => {
    expect(bandOf(0.86, thresholds)).toBe('high');
    expect(bandOf(0.85, thresholds)).toBe('medium');
    expect(bandOf(0.6, thresholds)).toBe('medium');
    expect(bandOf(0.59, thresholds)).toBe('low');
  });

  it('reports share and error rate per band', () => {
    const points = [point(0.9, true), point(0.95, false), point(0.7, true), point(0.2, false)];
    const [high, medium, low] = calibrationBands(points, thresholds);
    expect(high).toMatchObject({ band: 'high', n: 2, share: 0.5, errors: 1, errorRate: 0.5 });
    expect(medium).toMatchObject({ n: 1, errorRate: 0 });
    expect(low).toMatchObject({ n: 1, errorRate: 1 });
    expect(calibrationBands([], thresholds)[0]).toMatchObject({ n: 0, share: null, errorRate: null });
  });

  it('draws a reliability curve without empty bins', () => {
    const curve = calibrationCurve([point(0.05, false), point(0.95, true), point(1, true)], 10);
    expect(curve).toHaveLength(2);
    expect(curve[1]).toMatchObject({ n: 2, accuracy: 1 });
    expect(curve[1]!.meanConfidence).toBeCloseTo(0.975);
  });

  it('finds the lowest threshold whose accepted items meet the target error rate', () => {
    // Sorted by confidence: the wrong answers sit at 0.5 and 0.6; everything from 0.7 up is right.
    const points = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99].map((c) => point(c, c >= 0.7));
    expect(thresholdFor(points, 0.02)).toMatchObject({ threshold: 0.7, n: 5, errorRate: 0 });
    expect(thresholdFor(points, 0.02).coverage).toBeCloseTo(5 / 7);
    // One error in six accepted items is 16.7%: a 20% target admits the 0.6 item too.
    expect(thresholdFor(points, 0.2)).toMatchObject({ threshold: 0.6, n: 6 });
  });

  it('reports no threshold when too few items would remain to trust it', () => {
    const points = [point(0.5, false), point(0.9, true), point(0.95, true)];
    expect(thresholdFor(points, 0.02)).toMatchObject({ threshold: null, coverage: 0 });
    expect(thresholdFor(points, 0.02, 2)).toMatchObject({ threshold: 0.9 });
  });
});
