/**
 * Fits the ticket routing thresholds to target error rates, in the routing's own terms (domain/ticket-routing.ts):
 * send when confidence > send, an agent reviews when review <= confidence <= send, escalate below review.
 */
import type { Point } from './calibration';

export interface FitTargets {
  /** Error rate allowed among everything sent without a person (001's high band: about 2%). */
  sendError: number;
  /** Error rate allowed among everything sent to review (001's medium band: about 8%). */
  reviewError: number;
  /** No threshold may rest on fewer items than this: one or two lucky answers prove nothing. */
  minItems?: number;
}

export interface RouteShare {
  n: number;
  share: number;
  errors: number;
  errorRate: number | null;
}

export interface ThresholdFit {
  sendThreshold: number;
  reviewThreshold: number;
  n: number;
  send: RouteShare & { targetError: number; met: boolean };
  review: RouteShare & { targetError: number; met: boolean };
  escalate: RouteShare;
}

export const DEFAULT_MIN_ITEMS = 5;

function share(points: readonly Point[], total: number): RouteShare {
  const errors = points.filter((p) => !p.correct).length;
  return {
    n: points.length,
    share: total ? points.length / total : 0,
    errors,
    errorRate: points.length ? errors / points.length : null,
  };
}

const errorRate = (points: readonly Point[]) => points.filter((p) => !p.correct).length / points.length;

/**
 * The lowest send threshold whose sent items (confidence strictly above it) err at most the target: the most
 * automation the target allows. Candidates are the observed confidences, so the threshold is the confidence of the
 * first items the target could not afford to send. Null when none meets it with at least minItems sent.
 */
export function fitSendThreshold(
  points: readonly Point[],
  target: number,
  minItems = DEFAULT_MIN_ITEMS,
): number | null {
  const candidates = [...new Set(points.map((p) => p.confidence))].sort((a, b) => a - b);
  for (const s of candidates) {
    const sent = points.filter((p) => p.confidence > s);
    if (sent.length < minItems) break;
    if (errorRate(sent) <= target) return s;
  }
  return null;
}

/**
 * The lowest review threshold whose band (review <= confidence <= send) errs at most the target: below it, a draft is
 * too often wrong to be worth an agent's check, and a person starts afresh. Null when no band meets it.
 */
export function fitReviewThreshold(
  points: readonly Point[],
  sendThreshold: number,
  target: number,
  minItems = DEFAULT_MIN_ITEMS,
): number | null {
  const candidates = [...new Set(points.map((p) => p.confidence))]
    .filter((c) => c <= sendThreshold)
    .sort((a, b) => a - b);
  for (const r of candidates) {
    const band = points.filter((p) => p.confidence >= r && p.confidence <= sendThreshold);
    if (band.length < minItems) break;
    if (errorRate(band) <= target) return r;
  }
  return null;
}

export function fitThresholds(points: readonly Point[], targets: FitTargets): ThresholdFit {
  const minItems = targets.minItems ?? DEFAULT_MIN_ITEMS;
  // Nothing meets the send target: 1, which no confidence exceeds. No review band meets its target: the band closes
  // at the send threshold and everything below it goes to a person from the start.
  const fittedSend = fitSendThreshold(points, targets.sendError, minItems);
  const sendThreshold = fittedSend ?? 1;
  const fittedReview = fitReviewThreshold(points, sendThreshold, targets.reviewError, minItems);
  const reviewThreshold = fittedReview ?? sendThreshold;
  const sent = points.filter((p) => p.confidence > sendThreshold);
  const reviewed = points.filter((p) => p.confidence >= reviewThreshold && p.confidence <= sendThreshold);
  const escalated = points.filter((p) => p.confidence < reviewThreshold);
  const send = share(sent, points.length);
  const review = share(reviewed, points.length);
  return {
    sendThreshold,
    reviewThreshold,
    n: points.length,
    send: { ...send, targetError: targets.sendError, met: fittedSend !== null },
    review: { ...review, targetError: targets.reviewError, met: fittedReview !== null },
    escalate: share(escalated, points.length),
  };
}
