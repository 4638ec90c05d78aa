import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Loaded by path (the SDK's `failureConverterPath`), both by workers and inside the workflow bundle: messages and
 * stack traces move into an encoded attribute payload, so the codec encrypts them and history shows only
 * "Encoded failure". Always on, even with encryption off, so switching it on later changes nothing else.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
