import {
  QueryNotRegisteredError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { z } from 'zod';
import { InvalidRequestError } from '../validate';

/** The one error body every endpoint returns; the CLI parses exactly this. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('snake_case, stable: branch on this, not on the message'),
    message: z.string(),
    issues: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A refusal the handler decided on: its status and code go to the caller as they are. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

export function errorBody(code: string, message: string, issues?: string[]): ErrorBody {
  return { error: { code, message, ...(issues?.length ? { issues } : {}) } };
}

/** Fastify's own client-error codes, named for callers; anything else 4xx keeps its status as bad_request. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
};

/**
 * Every error a handler can meet, as status and body. Client mistakes that surface as library errors (an unknown
 * workflow, a duplicate start, a failed validation) are 4xx; anything unexpected is a bare 500 so nothing leaks.
 */
export function toErrorReply(error: unknown): { status: number; body: ErrorBody; serverFault: boolean } {
  const reply = (status: number, code: string, message: string, issues?: string[]) => ({
    status,
    body: errorBody(code, message, issues),
    serverFault: status >= 500,
  });
  if (error instanceof ApiError) return reply(error.statusCode, error.code, error.message, error.issues);
  if (error instanceof InvalidRequestError) return reply(400, 'invalid_request', error.message, error.issues);
  if (error instanceof WorkflowNotFoundError) return reply(404, 'not_found', 'no such workflow');
  if (error instanceof QueryNotRegisteredError) return reply(404, 'not_found', 'no such workflow of this kind');
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return reply(409, 'already_started', 'a workflow with this id is already running');
  }
  // An update's validator refused it in the workflow's current state (a route may map it more precisely first).
  if (error instanceof WorkflowUpdateFailedError) return reply(409, 'update_refused', error.message);
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return reply(503, 'worker_unavailable', 'no worker took the decision in time; retry later');
  }
  if (error instanceof Error) {
    const { code, statusCode } = error as Error & { code?: string; statusCode?: number };
    if (code && fastifyCodes[code]) return reply(statusCode ?? 400, fastifyCodes[code], error.message);
    if (statusCode && statusCode >= 400 && statusCode < 500) return reply(statusCode, 'bad_request', error.message);
  }
  return reply(500, 'internal_error', 'internal error; the server log has the details');
}
