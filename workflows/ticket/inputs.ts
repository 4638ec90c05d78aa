import { ApplicationFailure } from '@temporalio/workflow';
import { ErrorTypes } from '../../domain/errors';
import { resolveTicketArgsSchema, type ResolveTicketArgs } from '../../domain/ticket-input';

/** The ticket and policy as the run will use them, or a non-retryable failure that says what was wrong. */
export function parseTicketArgs(args: ResolveTicketArgs) {
  const parsed = resolveTicketArgsSchema.safeParse(args);
  if (parsed.success) return parsed.data;
  throw ApplicationFailure.create({ type: ErrorTypes.InvalidInput, message: parsed.error.message, nonRetryable: true });
}
