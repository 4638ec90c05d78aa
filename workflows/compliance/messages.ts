import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { FactMismatch, Review } from '../../domain/compliance/facts';

/** The reviewer's corrections and identity: a signal, so the decision stays in the history auditors read. */
export const reviewSignal = defineSignal<[Review]>('review');
export const reviewStatusQuery = defineQuery<{ stage: string; waitingForReview: boolean; mismatches: FactMismatch[] }>(
  'reviewStatus',
);
