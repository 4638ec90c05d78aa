/** Does the model's confidence mean what it says? Pure functions over (confidence, was it right) points. */

export interface Point {
  confidence: number;
  correct: boolean;
}

export type BandName = 'high' | 'medium' | 'low';

/** 001's production table, quoted as the source gives it ("~70% of requests, ~2% error rate", ...). */
export const CLAIMED_BANDS: Record<BandName, { share: number; errorRate: number }> = {
  high: { share: 0.7, errorRate: 0.02 },
  medium: { share: 0.2, errorRate: 0.08 },
  low: { share: 0.1, errorRate: 0.25 },
};

export interface Band {
  band: BandName;
  n: number;
  share: number | null;
  errors: number;
  errorRate: number | null;
  claimed: { share: number; errorRate: number };
}

/**
 * 001 asks the model for high/medium/low; Switchboard's confidences are numbers, so the bands are the routing
 * thresholds: above sendThreshold is high (sent), from reviewThreshold up is medium (reviewed), below is low.
 */
export function bandOf(confidence: number, thresholds: { send: number; review: number }): BandName {
  if (confidence > thresholds.send) return 'high';
  if (confidence >= thresholds.review) return 'medium';
  return 'low';
}

export function calibrationBands(points: readonly Point[], thresholds: { send: number; review: number }): Band[] {
  return (['high', 'medium', 'low'] as const).map((band) => {
    const inBand = points.filter((p) => bandOf(p.confidence, thresholds) === band);
    const errors = inBand.filter((p) => !p.correct).length;
    return {
      band,
      n: inBand.length,
      share: points.length ? inBand.length / points.length : null,
      errors,
      errorRate: inBand.length ? errors / inBand.length : null,
      claimed: CLAIMED_BANDS[band],
    };
  });
}

export interface CurvePoint {
  lo: number;
  hi: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

/** Reliability curve: equal-width confidence bins; empty bins are left out rather than drawn as zero. */
export function calibrationCurve(points: readonly Point[], bins = 10): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (let i = 0; i < bins; i++) {
    const [lo, hi] = [i / bins, (i + 1) / bins];
    const inBin = points.filter((p) => p.confidence >= lo && (i === bins - 1 ? p.confidence <= hi : p.confidence < hi));
    if (!inBin.length) continue;
    out.push({
      lo,
      hi,
      n: inBin.length,
      meanConfidence: inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length,
      accuracy: inBin.filter((p) => p.correct).length / inBin.length,
    });
  }
  return out;
}

/** Expected calibration error: the bin-weighted gap between stated confidence and observed accuracy. */
export function expectedCalibrationError(points: readonly Point[], bins = 10): number | null {
  if (!points.length) return null;
  return calibrationCurve(points, bins).reduce(
    (sum, b) => sum + (b.n / points.length) * Math.abs(b.meanConfidence - b.accuracy),
    0,
  );
}

export interface ThresholdChoice {
  target: number;
  /** Send items whose confidence is at least this; null when no threshold meets the target. */
  threshold: number | null;
  /** Share of all items that would clear the threshold (automated), and their error rate. */
  coverage: number;
  errorRate: number | null;
  n: number;
}

/**
 * The lowest threshold whose accepted items (confidence >= threshold) err at most `target`, i.e. the most automation
 * the target allows. `minItems` stops a threshold resting on one or two lucky items.
 */
export function thresholdFor(points: readonly Point[], target: number, minItems = 5): ThresholdChoice {
  const candidates = [...new Set(points.map((p) => p.confidence))].sort((a, b) => a - b);
  for (const t of candidates) {
    const accepted = points.filter((p) => p.confidence >= t);
    if (accepted.length < minItems) break;
    const errorRate = accepted.filter((p) => !p.correct).length / accepted.length;
    if (errorRate <= target)
      return { target, threshold: t, coverage: accepted.length / points.length, errorRate, n: accepted.length };
  }
  return { target, threshold: null, coverage: 0, errorRate: null, n: 0 };
}
