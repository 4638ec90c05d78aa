import { ApplicationFailure } from '@temporalio/common';
import { ErrorTypes } from '../../domain/errors';

type HeaderBag = { get(name: string): string | null } | Record<string, string | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const bag = headers as Record<string, string | undefined>;
  return bag[name] ?? bag[name.toLowerCase()];
}

/** retry-after-ms (Anthropic's precise form) wins over retry-after, which is seconds or an HTTP date. */
export function retryAfterMs(headers: HeaderBag, now = Date.now()): number | undefined {
  const precise = Number(header(headers, 'retry-after-ms'));
  if (header(headers, 'retry-after-ms') && Number.isFinite(precise) && precise >= 0) return Math.ceil(precise);
  const raw = header(headers, 'retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Statuses worth another attempt: rate limits, overload, server faults and timeouts. Everything else is final. */
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504, 529]);

const retryableAwsErrors = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'ModelTimeoutException',
  'InternalServerException',
  'ModelNotReadyException',
  'TimeoutError',
]);

function typeForStatus(status: number | undefined): string {
  if (status === 429) return 'ModelRateLimited';
  if (status === 529 || status === 503) return 'ModelOverloaded';
  if (status === 408 || status === 504) return 'ModelTimeout';
  return 'ModelServerError';
}

interface ProviderErrorShape {
  name?: string;
  message?: string;
  status?: number;
  headers?: HeaderBag;
  requestID?: string | null;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { headers?: Record<string, string> };
}

/**
 * Turns an SDK error into the failure Temporal acts on. The SDKs' own retries are off, so this mapping is the
 * whole retry story: retryable failures carry the server's retry-after as nextRetryDelay, the rest are final.
 */
export function providerFailure(provider: string, error: unknown): ApplicationFailure {
  const e = (error ?? {}) as ProviderErrorShape;
  const name = e.name ?? 'Error';
  const status = e.status ?? e.$metadata?.httpStatusCode;
  const requestId = e.requestID ?? e.$metadata?.requestId;
  const headers = e.headers ?? e.$response?.headers;
  const isTimeout = /timeout/i.test(name) || name === 'APIConnectionError' || name === 'AbortError';
  const retryable =
    isTimeout || retryableAwsErrors.has(name) || (status !== undefined && retryableStatuses.has(status));
  const detail = `${provider}: ${name}${status ? ` (HTTP ${status})` : ''}${requestId ? ` request ${requestId}` : ''}`;
  // Provider messages describe the request, not its content; truncated anyway so nothing long reaches history.
  const message = `${detail}: ${String(e.message ?? '').slice(0, 300)}`;
  if (!retryable) {
    return ApplicationFailure.create({ type: ErrorTypes.ModelRequestRejected, message, nonRetryable: true });
  }
  const delay = retryAfterMs(headers);
  return ApplicationFailure.create({
    type: isTimeout ? 'ModelTimeout' : typeForStatus(status ?? (name === 'ThrottlingException' ? 429 : 503)),
    message,
    nonRetryable: false,
    nextRetryDelay: delay,
  });
}
