/** Stated confidence against observed accuracy, in bands cut at the policy's own thresholds. */
import { expectedCalibrationError, type Point } from '../calibration';
import { mean, ratio } from '../metrics';

export interface ConfidenceBand {
  band: string;
  /** Inclusive lower bound on the use case's own scale (0-100 for a diagnosis). */
  min: number;
  n: number;
  share: number | null;
  accuracy: number | null;
  meanConfidence: number | null;
}

/** `cuts` from the highest band down; a point belongs to the first band whose minimum it reaches. */
export function confidenceBands(
  points: ReadonlyArray<Point>,
  cuts: ReadonlyArray<{ band: string; min: number }>,
): ConfidenceBand[] {
  const bandOf = (c: number) => cuts.findIndex((cut) => c >= cut.min);
  return cuts.map((cut, i) => {
    const inBand = points.filter((p) => bandOf(p.confidence) === i);
    return {
      ...cut,
      n: inBand.length,
      share: ratio(inBand.length, points.length),
      accuracy: ratio(inBand.filter((p) => p.correct).length, inBand.length),
      meanConfidence: mean(inBand.map((p) => p.confidence)),
    };
  });
}

/** ECE on a 0-`scale` confidence, by the tickets' formula. */
export function calibrationError(points: ReadonlyArray<Point>, scale: number): number | null {
  return expectedCalibrationError(points.map((p) => ({ confidence: p.confidence / scale, correct: p.correct })));
}
