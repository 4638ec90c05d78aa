import fc from 'fast-check';
import type { Point } from '../../../eval/calibration';
import { fitReviewThreshold, fitSendThreshold, fitThresholds } from '../../../eval/calibration-fit';

const at = (confidence: number, right: number, wrong = 0): Point[] => [
  ...Array.from({ length: right }, () => ({ confidence, correct: true })),
  ...Array.from({ length: wrong }, () => ({ confidence, correct: false })),
];
const errorRate = (points: Point[]) => points.filter((p) => !p.correct).length / points.length;

// Confidences on a coarse grid, as models state them, so ties (several tickets at 0.85) are common.
const point = fc.record({
  confidence: fc.integer({ min: 0, max: 20 }).map((i) => i / 20),
  correct: fc.boolean(),
});
const points = fc.array(point, { minLength: 0, maxLength: 80 });
const target = fc.double({ min: 0.001, max: 0.5, noNaN: true });

describe('fitting the send threshold', () => {
  it('sends above the confidence of the first items the target cannot afford', () => {
    const data = [...at(0.6, 5, 5), ...at(0.85, 48, 2), ...at(0.95, 40)];
    // Sending from 0.85 up errs 2/90 = 2.2%: too much for 2%; from above 0.85, 0 of 40.
    expect(fitSendThreshold(data, 0.02)).toBe(0.85);
    // At 3%, the 0.85 tickets may go too: the threshold drops to the 0.6 ones, which may not.
    expect(fitSendThreshold(data, 0.03)).toBe(0.6);
  });

  it('is null when nothing meets the target, or too few items would be sent to tell', () => {
    expect(fitSendThreshold([...at(0.5, 10, 5), ...at(0.9, 10, 5)], 0.02)).toBeNull();
    expect(fitSendThreshold([...at(0.5, 10, 5), ...at(0.99, 4)], 0.02)).toBeNull();
  });

  it('property: what it sends errs within the target, with enough items, and no lower threshold would', () => {
    fc.assert(
      fc.property(points, target, (data, t) => {
        const s = fitSendThreshold(data, t);
        const candidates = [...new Set(data.map((p) => p.confidence))];
        if (s === null) {
          // Every candidate fails: too few sent, or too many errors.
          for (const c of candidates) {
            const sent = data.filter((p) => p.confidence > c);
            expect(sent.length < 5 || errorRate(sent) > t).toBe(true);
          }
          return;
        }
        const sent = data.filter((p) => p.confidence > s);
        expect(sent.length).toBeGreaterThanOrEqual(5);
        expect(errorRate(sent)).toBeLessThanOrEqual(t);
        for (const c of candidates.filter((c) => c < s)) {
          const more = data.filter((p) => p.confidence > c);
          expect(errorRate(more)).toBeGreaterThan(t);
        }
      }),
    );
  });
});

describe('fitting the review threshold', () => {
  it('opens the review band as far down as its error target allows', () => {
    const data = [...at(0.3, 2, 8), ...at(0.6, 18, 2), ...at(0.75, 20), ...at(0.9, 30)];
    // The band from 0.6 to the send threshold 0.75 errs 2/40 = 5%; from 0.3 it would err 10/50 = 20%.
    expect(fitReviewThreshold(data, 0.75, 0.08)).toBe(0.6);
    expect(fitReviewThreshold(data, 0.75, 0.25)).toBe(0.3);
  });

  it('property: the band errs within its target, never reaches above the send threshold, and none wider would', () => {
    fc.assert(
      fc.property(points, target, target, (data, sendTarget, reviewTarget) => {
        const fit = fitThresholds(data, { sendError: sendTarget, reviewError: reviewTarget });
        expect(fit.reviewThreshold).toBeLessThanOrEqual(fit.sendThreshold);
        expect(fit.send.n + fit.review.n + fit.escalate.n).toBe(data.length);
        if (!fit.review.met) return;
        const band = data.filter((p) => p.confidence >= fit.reviewThreshold && p.confidence <= fit.sendThreshold);
        expect(errorRate(band)).toBeLessThanOrEqual(reviewTarget);
        const lower = [...new Set(data.map((p) => p.confidence))].filter((c) => c < fit.reviewThreshold);
        for (const c of lower) {
          const wider = data.filter((p) => p.confidence >= c && p.confidence <= fit.sendThreshold);
          expect(errorRate(wider)).toBeGreaterThan(reviewTarget);
        }
      }),
    );
  });
});

describe('fitThresholds', () => {
  it('sends nothing when no threshold meets the send target: 1, which no confidence exceeds', () => {
    const fit = fitThresholds([...at(0.9, 10, 10)], { sendError: 0.02, reviewError: 0.08 });
    expect(fit.sendThreshold).toBe(1);
    expect(fit.send).toMatchObject({ n: 0, met: false, targetError: 0.02 });
  });

  it('records what each route gets and how often it is wrong', () => {
    const data = [...at(0.3, 2, 8), ...at(0.6, 18, 2), ...at(0.85, 20), ...at(0.9, 30)];
    // Above 0.3 errs 2/70, about 2.9%: too much for 2%, so only what is above 0.6 is sent. The 0.6 tickets err
    // 2/20 = 10% as a review band, over 8%: the band closes and everything from 0.6 down goes to a person.
    const fit = fitThresholds(data, { sendError: 0.02, reviewError: 0.08 });
    expect(fit).toMatchObject({ sendThreshold: 0.6, reviewThreshold: 0.6, n: 80 });
    expect(fit.send).toMatchObject({ n: 50, errors: 0, errorRate: 0, share: 50 / 80, met: true });
    expect(fit.review).toMatchObject({ n: 20, errors: 2, errorRate: 0.1, met: false });
    expect(fit.escalate).toMatchObject({ n: 10, errors: 8 });
    expect(fitThresholds(data, { sendError: 0.02, reviewError: 0.1 }).review.met).toBe(true);
    expect(fitThresholds(data, { sendError: 0.03, reviewError: 0.08 })).toMatchObject({ sendThreshold: 0.3 });
  });
});
