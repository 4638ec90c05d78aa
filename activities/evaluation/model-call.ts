import { performance } from 'node:perf_hooks';
import { ApplicationFailure } from '@temporalio/common';
import { ErrorTypes } from '../../domain/errors';
import type { ModelGateway, ModelRequest } from '../model/contract';
import { timingOf, type CallTiming } from './outcomes';

/**
 * An answer the workflows would hand to a person (invalid after the repair, or refused): a scored outcome, not a
 * crash of the evaluation. Anything else (a transport error, a missing row) is an error of the run itself.
 */
export const unusableAnswer = (error: unknown): boolean =>
  error instanceof ApplicationFailure &&
  (error.type === ErrorTypes.ModelOutputInvalid || error.type === ErrorTypes.ModelRequestRejected);

/** How an item whose call failed is scored: a person's case, or an error with its message. */
export function failureOf(error: unknown): { unusable: boolean; error?: string } {
  return unusableAnswer(error) ? { unusable: true } : { unusable: false, error: (error as Error).message };
}

/** One call through the gateway, timed from the caller's side and appended to `calls`. */
export async function timedCall<T>(gateway: ModelGateway, request: ModelRequest<T>, calls: CallTiming[]): Promise<T> {
  const started = performance.now();
  const response = await gateway.call(request);
  calls.push(timingOf(response.record, performance.now() - started));
  return response.output;
}
