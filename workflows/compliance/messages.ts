import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FactMismatch, IgnoredReview } from '../../domain/compliance/facts';
import type { DecisionOutcome } from '../../domain/decisions';

/**
 * A reviewer's signed decision confirming a set of corrections (`unknown`: the verifier, not the type, decides what
 * it is). Before signing it carried `{reviewer, corrections}`; recorded histories replay that form unchanged.
 */
export const reviewSignal = defineSignal<[unknown]>('review');

/** The same review as an update: the caller learns at once whether it counted, and the refusal stays in history. */
export const reviewUpdate = defineUpdate<DecisionOutcome, [unknown]>('review');

export interface ReviewStatus {
  stage: string;
  waitingForReview: boolean;
  mismatches: FactMismatch[];
  /** The run a signed review must name. */
  runId: string;
  ignored: IgnoredReview[];
}

export const reviewStatusQuery = defineQuery<ReviewStatus>('reviewStatus');
