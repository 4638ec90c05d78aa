import type { z } from 'zod';
import type { SignedDecision } from '../../domain/decisions';
import type { CliConfig } from './config';
import {
  acmaReportSchema,
  acmaRunSchema,
  approvalReplySchema,
  auditVerifySchema,
  errorBodySchema,
  faultStatusSchema,
  jsonObjectSchema,
  pendingListSchema,
  sweepStartedSchema,
  ticketStartedSchema,
} from './api-schemas';
import { issueLines } from '../../domain/zod-issues';

/** An answer from the API that was not a success, with the body's stable code for callers to branch on. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

/** The API could not be reached, or answered with something that is not its contract. */
export class ApiUnavailableError extends Error {
  override readonly name = 'ApiUnavailableError';
}

// Long enough for a Temporal query behind a busy API; an on-call engineer should not stare at a hung prompt.
const requestTimeoutMs = 30_000;

/** The API signs for the key's identity, or relays a decision the engineer signed with their own key. */
export type Decision =
  { decision: 'approve' | 'reject'; reason?: string; emergency?: boolean } | { signed: SignedDecision };

export function createApiClient(config: CliConfig, fetchImpl: typeof fetch = fetch) {
  // The origin only: a URL with user:password@ in it must not end up on a terminal or in a log.
  const where = new URL(config.SWITCHBOARD_API_URL).origin;

  // The reports endpoint honours Accept, so each request asks for exactly the type it will parse.
  async function send(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    accept = 'application/json',
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(`${config.SWITCHBOARD_API_URL}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${config.SWITCHBOARD_API_KEY}`,
          accept,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      // A code or a name, never fetch's message: that can quote the whole URL.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new ApiUnavailableError(`cannot reach the API at ${where} (${cause})`);
    }
    if (response.ok) return response;
    const text = await response.text();
    const parsed = errorBodySchema.safeParse(safeJson(text));
    if (!parsed.success) throw new ApiRequestError(response.status, 'unknown', `HTTP ${response.status} from ${where}`);
    const { code, message, issues } = parsed.data.error;
    throw new ApiRequestError(response.status, code, message, issues);
  }

  async function json<T>(schema: z.ZodType<T>, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, body);
    const parsed = schema.safeParse(safeJson(await response.text()));
    if (parsed.success) return parsed.data;
    const issues = issueLines(parsed.error);
    throw new ApiUnavailableError(`unexpected response to ${method} ${path}: ${issues.join('; ')}`);
  }

  const id = encodeURIComponent;
  return {
    pendingApprovals: async () => (await json(pendingListSchema, 'GET', '/faults/pending')).items,
    faultStatus: (workflowId: string) => json(faultStatusSchema, 'GET', `/faults/${id(workflowId)}`),
    decide: (workflowId: string, decision: Decision) =>
      json(approvalReplySchema, 'POST', `/faults/${id(workflowId)}/approval`, decision),
    startTicket: (ticket: unknown) => json(ticketStartedSchema, 'POST', '/tickets', ticket),
    ticket: (ticketId: string) => json(jsonObjectSchema, 'GET', `/tickets/${id(ticketId)}`),
    startFraudSweep: (sweepDate?: string) =>
      json(sweepStartedSchema, 'POST', '/fraud/sweeps', sweepDate ? { sweepDate } : {}),
    startAcmaReport: (month: string, asOf?: string) =>
      json(acmaRunSchema, 'POST', `/reports/acma/${id(month)}/runs`, asOf ? { asOf } : {}),
    acmaReport: (month: string) => json(acmaReportSchema, 'GET', `/reports/acma/${id(month)}`),
    async acmaReportCsv(month: string): Promise<string> {
      const response = await send('GET', `/reports/acma/${id(month)}?format=csv`, undefined, 'text/csv');
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('text/csv'))
        throw new ApiUnavailableError(`expected CSV for ${month}, got ${type || 'nothing'}`);
      return response.text();
    },
    verifyAudit: () => json(auditVerifySchema, 'GET', '/audit/verify'),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
