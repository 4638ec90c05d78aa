/**
 * Failure types that workflows name in `nonRetryableErrorTypes` and branch on.
 * Shared by activities (which throw them) and workflows (which match them), so the spelling lives once.
 */
export const ErrorTypes = {
  /** The model's answer failed validation twice (first answer and one repair). Route to a human. */
  ModelOutputInvalid: 'ModelOutputInvalid',
  /** The provider rejected the request itself (4xx other than 429): retrying cannot help. */
  ModelRequestRejected: 'ModelRequestRejected',
  /** Input failed a schema at an activity boundary. */
  InvalidInput: 'InvalidInput',
  /** An id that does not exist in the backend (account, ticket, passage). */
  NotFound: 'NotFound',
} as const;

export const nonRetryableErrorTypes = Object.values(ErrorTypes);
