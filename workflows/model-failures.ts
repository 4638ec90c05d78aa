import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { ErrorTypes } from '../domain/errors';
import { modelRetryBudget } from './model-retry';

/** Model failures that retrying cannot fix, or that outlasted the retry budget: the case goes to a person. */
export function unusableModelAnswer(error: unknown): string | null {
  if (!(error instanceof ActivityFailure)) return null;
  if (error.cause instanceof ApplicationFailure) {
    if (error.cause.type === ErrorTypes.ModelOutputInvalid) return 'model output invalid after one repair';
    if (error.cause.type === ErrorTypes.ModelRequestRejected) return 'model provider rejected the request';
  }
  // The schedule-to-close budget ran out while the provider was overloaded, rate limiting or down.
  if (error.cause instanceof TimeoutFailure) return `model unavailable for ${modelRetryBudget}`;
  return null;
}
