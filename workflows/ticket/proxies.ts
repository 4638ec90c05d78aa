import {
  ActivityFailure,
  ApplicationFailure,
  CancelledFailure,
  proxyActivities,
  proxyLocalActivities,
  TemporalFailure,
  TimeoutFailure,
} from '@temporalio/workflow';
import { RetryState } from '@temporalio/common';
import type { Activities } from '../../activities';
import { nonRetryableErrorTypes } from '../../domain/errors';
import { retryPolicy } from '../retry';

/** Reads and checks: ten attempts, then the ticket fails loudly rather than waiting on a dead system. */
const readsAndChecks = { startToCloseTimeout: '10s', retry: retryPolicy('30s', { maximumAttempts: 10 }) } as const;

export const backend = proxyActivities<Activities>(readsAndChecks);
/** Messages to customers must not be lost: keep retrying; the outbox key makes repeats harmless. */
export const delivery = proxyActivities<Activities>({ startToCloseTimeout: '10s', retry: retryPolicy('30s') });

/**
 * From this patch on a ticket runs its short steps (the account read, knowledge retrieval and the guardrail check) as
 * local activities. resolveTicket asks for it once, as its very first statement, and keeps the answer for the run.
 */
export const localStepsPatch = 'ticket-local-steps';

/**
 * The same reads and checks with the same timeout and retries, run by the worker inside the workflow task: one marker
 * in history each, instead of an activity task and a workflow task of its own.
 */
const localBackend = proxyLocalActivities<Activities>(readsAndChecks);

type ShortStep = 'loadAccountContext' | 'retrieveKnowledge' | 'validateReply';

/** What the workflow asks of a short step, whichever way it runs. */
export type ShortSteps = {
  [K in ShortStep]: {
    executeWithOptions(
      options: { summary: string },
      args: Parameters<Activities[K]>,
    ): Promise<Awaited<ReturnType<Activities[K]>>>;
  };
};

/** The error types the retry policy gives up on at once (see retryPolicy). */
const retryStops = (type: string | null | undefined) => (nonRetryableErrorTypes as string[]).includes(type ?? '');

/**
 * A failed local activity rejects with its bare cause, where an activity task's failure comes wrapped in an
 * ActivityFailure. Wrapped here as the server would have, so the workflow, and a ticket that fails on one (an unknown
 * account), fail exactly as before: callers read the cause under the ActivityFailure.
 */
function asActivityFailure(activityType: ShortStep) {
  return (error: unknown): never => {
    if (!(error instanceof TemporalFailure) || error instanceof ActivityFailure || error instanceof CancelledFailure) {
      throw error;
    }
    const retryState =
      error instanceof TimeoutFailure
        ? RetryState.TIMEOUT
        : error instanceof ApplicationFailure && (error.nonRetryable || retryStops(error.type))
          ? RetryState.NON_RETRYABLE_FAILURE
          : RetryState.MAXIMUM_ATTEMPTS_REACHED;
    const message = error instanceof TimeoutFailure ? 'Activity task timed out' : 'Activity task failed';
    throw new ActivityFailure(message, activityType, undefined, retryState, undefined, error);
  };
}

function failingAs<A extends unknown[], R>(
  type: ShortStep,
  step: { executeWithOptions(options: { summary: string }, args: A): Promise<R> },
) {
  return {
    executeWithOptions: (options: { summary: string }, args: A) =>
      step.executeWithOptions(options, args).catch(asActivityFailure(type)),
  };
}

const localSteps: ShortSteps = {
  loadAccountContext: failingAs('loadAccountContext', localBackend.loadAccountContext),
  retrieveKnowledge: failingAs('retrieveKnowledge', localBackend.retrieveKnowledge),
  validateReply: failingAs('validateReply', localBackend.validateReply),
};

/** Local activities for a run that took the patch; activity tasks, exactly as before, for one that did not. */
export const shortSteps = (local: boolean): ShortSteps => (local ? localSteps : backend);
