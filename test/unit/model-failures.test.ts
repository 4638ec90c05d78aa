import { ActivityFailure, ApplicationFailure, RetryState, TimeoutFailure, TimeoutType } from '@temporalio/common';
import { ErrorTypes } from '../../domain/errors';
import { unusableModelAnswer } from '../../workflows/model-failures';
import { modelCallOptions } from '../../workflows/model-retry';

const activityFailure = (cause: Error) =>
  new ActivityFailure('activity failed', 'draftReply', '5', RetryState.TIMEOUT, 'worker', cause);

describe('unusableModelAnswer', () => {
  it('sends a case to a person when the model stayed unavailable for the whole retry budget', () => {
    const budgetSpent = activityFailure(new TimeoutFailure('timeout', undefined, TimeoutType.SCHEDULE_TO_CLOSE));
    expect(unusableModelAnswer(budgetSpent)).toMatch(/model unavailable for 10 minutes/);
  });

  it('sends invalid output and rejected requests to a person', () => {
    const invalid = activityFailure(ApplicationFailure.create({ type: ErrorTypes.ModelOutputInvalid, message: 'x' }));
    const rejected = activityFailure(
      ApplicationFailure.create({ type: ErrorTypes.ModelRequestRejected, message: 'x' }),
    );
    expect(unusableModelAnswer(invalid)).toMatch(/invalid/);
    expect(unusableModelAnswer(rejected)).toMatch(/rejected/);
  });

  it('leaves other failures to the caller', () => {
    expect(unusableModelAnswer(activityFailure(new Error('bug')))).toBeNull();
    expect(unusableModelAnswer(new Error('not an activity'))).toBeNull();
  });
});

describe('modelCallOptions', () => {
  it('retries without an attempt cap, within a time budget', () => {
    const options = modelCallOptions(30_000);
    expect(options.scheduleToCloseTimeout).toBe('10 minutes');
    expect(options.retry?.maximumAttempts).toBeUndefined();
    expect(options.retry?.nonRetryableErrorTypes).toContain(ErrorTypes.ModelRequestRejected);
  });
});
