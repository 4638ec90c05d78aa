/**
 * `--calibrate`: turns a tickets evaluation into the routing thresholds for the model that served it, and stores them
 * as the calibration file the ticket client reads (config/calibration.ts).
 */
import { saveCalibration, type Calibration } from '../config/calibration';
import type { Point } from './calibration';
import { fitThresholds, type FitTargets } from './calibration-fit';
import type { ReportRun } from './report/model';
import type { TicketOutcome } from '../activities/evaluation/outcomes';

export const CALIBRATION_DEFINITION =
  'an error is a ticket whose intent was not its label; the confidence is the one routing compares: the lower of the ' +
  "classification's and the draft's where the ticket was drafted, else the classification's";

/** The figure routing compares (domain/ticket-routing.ts), and whether the ticket was understood. */
export function calibrationPoints(outcomes: readonly TicketOutcome[]): Point[] {
  return outcomes.flatMap((o) => {
    const { confidence, replyConfidence, intent } = o.predicted;
    if (!o.expected.intent || confidence === undefined || o.error) return [];
    const routed =
      replyConfidence === undefined || replyConfidence === null ? confidence : Math.min(confidence, replyConfidence);
    return [{ confidence: routed, correct: intent === o.expected.intent }];
  });
}

export interface CalibrationRun {
  run: Pick<ReportRun, 'provider' | 'model' | 'promptVersions'>;
  outcomes: readonly TicketOutcome[];
  targets: FitTargets;
  dataset: string;
  servedBy: Calibration['fit']['servedBy'];
  command: string;
  date: Date;
}

export function calibrationOf({
  run,
  outcomes,
  targets,
  dataset,
  servedBy,
  command,
  date,
}: CalibrationRun): Calibration {
  const points = calibrationPoints(outcomes);
  if (!points.length) throw new Error('no labelled ticket produced a confidence: nothing to calibrate on');
  const fit = fitThresholds(points, targets);
  return {
    provider: run.provider as Calibration['provider'],
    model: run.model,
    sendThreshold: fit.sendThreshold,
    reviewThreshold: fit.reviewThreshold,
    fit: {
      date: date.toISOString().slice(0, 10),
      command,
      dataset,
      servedBy,
      n: fit.n,
      definition: CALIBRATION_DEFINITION,
      send: fit.send,
      review: fit.review,
      escalate: fit.escalate,
      promptVersions: run.promptVersions,
    },
  };
}

export function writeCalibration(dir: string, input: CalibrationRun): { calibration: Calibration; path: string } {
  const calibration = calibrationOf(input);
  return { calibration, path: saveCalibration(dir, calibration) };
}

const pct = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

/** What an operator reads after the run: the thresholds, and what they send, review and escalate. */
export function describeCalibration(c: Calibration, path: string): string[] {
  const { send, review, escalate } = c.fit;
  return [
    `calibration for ${c.provider}/${c.model} on ${c.fit.n} labelled tickets -> ${path}`,
    `  send above ${c.sendThreshold}: ${pct(send.share)} of tickets, error ${pct(send.errorRate)} ` +
      `(target ${pct(send.targetError)}${send.met ? '' : ', not met: nothing is sent automatically'})`,
    `  review from ${c.reviewThreshold}: ${pct(review.share)}, error ${pct(review.errorRate)} ` +
      `(target ${pct(review.targetError)}${review.met ? '' : ', not met: the band is closed'})`,
    `  escalate below: ${pct(escalate.share)}, error ${pct(escalate.errorRate)}`,
  ];
}
