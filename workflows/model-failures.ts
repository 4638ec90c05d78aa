import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { ErrorTypes } from '../domain/errors';

/** Model failures that retrying cannot fix: the case goes to a person instead of failing the workflow. */
export function unusableModelAnswer(error: unknown): string | null {
  if (!(error instanceof ActivityFailure) || !(error.cause instanceof ApplicationFailure)) return null;
  if (error.cause.type === ErrorTypes.ModelOutputInvalid) return 'model output invalid after one repair';
  if (error.cause.type === ErrorTypes.ModelRequestRejected) return 'model provider rejected the request';
  return null;
}
