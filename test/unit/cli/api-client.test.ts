import { ApiRequestError, ApiUnavailableError, createApiClient } from '../../../client/cli/api-client';
import { parseCliConfig, requireCliConfig } from '../../../client/cli/config';
import { reportError } from '../../../client/cli/errors';
import { ExitCode } from '../../../client/cli/exit-codes';
import { fakeApi, testIo, testKey } from './fake-api';

describe('CLI config', () => {
  it('defaults the URL and needs only the key', () => {
    expect(parseCliConfig({ SWITCHBOARD_API_KEY: testKey })).toEqual({
      ok: true,
      config: { SWITCHBOARD_API_URL: 'http://127.0.0.1:8080', SWITCHBOARD_API_KEY: testKey },
    });
  });

  it('reports a missing key as a configuration error (78)', () => {
    const result = parseCliConfig({ SWITCHBOARD_API_KEY: '' });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/SWITCHBOARD_API_KEY is not set/)] });
    expect(() => requireCliConfig(result)).toThrow(expect.objectContaining({ exitCode: ExitCode.config }));
  });

  it('never repeats a malformed key or a bad URL in its messages', () => {
    const secret = 'sb_nothex!!_ thisisasecretvalue';
    const result = parseCliConfig({ SWITCHBOARD_API_KEY: secret, SWITCHBOARD_API_URL: 'ftp://example.com' });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('thisisasecretvalue');
    expect(text).toMatch(/http\(s\) URL/);
  });

  it('refuses a URL carrying credentials, without repeating them', () => {
    const result = parseCliConfig({ SWITCHBOARD_API_KEY: testKey, SWITCHBOARD_API_URL: 'http://ops:hunter2@api:8080' });
    expect(result).toEqual({ ok: false, problems: ['SWITCHBOARD_API_URL must not carry credentials'] });
  });

  it('drops a trailing slash from the URL', () => {
    const result = parseCliConfig({ SWITCHBOARD_API_KEY: testKey, SWITCHBOARD_API_URL: 'https://api.example/' });
    expect(result.ok && result.config.SWITCHBOARD_API_URL).toBe('https://api.example');
  });
});

describe('API client', () => {
  it('treats a response outside the contract as an API error, not as data', async () => {
    const api = await fakeApi({ 'GET /faults/pending': () => ({ json: { items: [{ workflowId: 'x' }] } }) });
    try {
      const client = createApiClient({ SWITCHBOARD_API_URL: api.url, SWITCHBOARD_API_KEY: testKey });
      const error = await client.pendingApprovals().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiUnavailableError);
      expect((error as Error).message).toMatch(/unexpected response to GET \/faults\/pending: items\.0\.deviceId/);
    } finally {
      await api.close();
    }
  });

  it('keeps the status of an error body that is not the contract', async () => {
    const api = await fakeApi({ 'GET /audit/verify': () => ({ status: 502, text: '<html>bad gateway</html>' }) });
    try {
      const client = createApiClient({ SWITCHBOARD_API_URL: api.url, SWITCHBOARD_API_KEY: testKey });
      await expect(client.verifyAudit()).rejects.toMatchObject({ status: 502, code: 'unknown' });
      await expect(client.verifyAudit()).rejects.toBeInstanceOf(ApiRequestError);
    } finally {
      await api.close();
    }
  });

  it('refuses a CSV request answered with something else', async () => {
    const api = await fakeApi({ 'GET /reports/acma/2025-01?format=csv': () => ({ json: { verdict: 'PASS' } }) });
    try {
      const client = createApiClient({ SWITCHBOARD_API_URL: api.url, SWITCHBOARD_API_KEY: testKey });
      await expect(client.acmaReportCsv('2025-01')).rejects.toThrow(/expected CSV/);
      expect(api.requests[0]!.accept).toBe('text/csv');
    } finally {
      await api.close();
    }
  });

  it('names an unreachable API and the reason, never the key', async () => {
    const closed = await fakeApi({});
    await closed.close();
    const client = createApiClient({ SWITCHBOARD_API_URL: closed.url, SWITCHBOARD_API_KEY: testKey });
    const error = await client.verifyAudit().catch((e: unknown) => e);
    const t = testIo();
    expect(reportError(t.io, error)).toBe(ExitCode.apiError);
    expect(t.stderr()).toBe(`switchboard: cannot reach the API at ${closed.url} (ECONNREFUSED)\n`);
    expect(t.stderr()).not.toContain(testKey);
  });
});
