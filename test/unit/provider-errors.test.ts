import Anthropic from '@anthropic-ai/sdk';
import { ThrottlingException, ValidationException } from '@aws-sdk/client-bedrock-runtime';
import { providerFailure, retryAfterMs } from '../../activities/model/errors';

const apiError = (status: number, headers: Record<string, string> = {}) =>
  Anthropic.APIError.generate(status, { type: 'error', error: { type: 'x', message: 'm' } }, 'm', new Headers(headers));

describe('provider errors map onto Temporal retries', () => {
  it.each([429, 500, 502, 503, 504, 529, 408])('HTTP %d is retryable', (status) => {
    expect(providerFailure('anthropic', apiError(status)).nonRetryable).toBe(false);
  });

  it.each([400, 401, 403, 404, 413, 422])('HTTP %d is final and named ModelRequestRejected', (status) => {
    const failure = providerFailure('anthropic', apiError(status));
    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe('ModelRequestRejected');
  });

  it('carries retry-after as the next retry delay', () => {
    expect(providerFailure('anthropic', apiError(429, { 'retry-after': '2' })).nextRetryDelay).toBe(2000);
    expect(providerFailure('anthropic', apiError(529, { 'retry-after-ms': '1500.2' })).nextRetryDelay).toBe(1501);
  });

  it('reads retry-after as seconds or an HTTP date, preferring retry-after-ms', () => {
    const now = Date.parse('2026-11-22T00:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 00:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMs({ 'retry-after': '3', 'retry-after-ms': '250' }, now)).toBe(250);
    expect(retryAfterMs({}, now)).toBeUndefined();
  });

  it('treats SDK timeouts and connection failures as retryable', () => {
    expect(providerFailure('anthropic', new Anthropic.APIConnectionTimeoutError()).nonRetryable).toBe(false);
    expect(providerFailure('anthropic', new Anthropic.APIConnectionError({ message: 'reset' })).nonRetryable).toBe(
      false,
    );
  });

  it('maps Bedrock exceptions by name', () => {
    const throttled = new ThrottlingException({ message: 'slow down', $metadata: { httpStatusCode: 429 } });
    const invalid = new ValidationException({ message: 'bad', $metadata: { httpStatusCode: 400 } });
    expect(providerFailure('bedrock', throttled)).toMatchObject({ nonRetryable: false, type: 'ModelRateLimited' });
    expect(providerFailure('bedrock', invalid)).toMatchObject({ nonRetryable: true, type: 'ModelRequestRejected' });
  });
});
