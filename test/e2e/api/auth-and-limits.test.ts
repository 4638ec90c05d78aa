import { Pool } from 'pg';
import { buildApi } from '../../../client/api/app';
import { accessTable, type Access } from '../../../client/api/roles';
import { revokeApiKey, roles } from '../../../security/api-keys';
import { apiTestBed, errorShape, type ApiTestBed } from './support';

/** Concrete URLs for each route template; role checks run before any lookup, so the ids need not exist. */
const sampleUrl = (template: string) =>
  template
    .replace('/tickets/:id', '/tickets/T-does-not-exist')
    .replace('/faults/:id', '/faults/fault-RTR-NONE-01-cpu_high')
    .replace('/flags/:id', '/flags/999999999')
    .replace(':month', '2001-01');

const guarded = (Object.entries(accessTable) as Array<[string, Access]>).filter(([, access]) => access !== 'public');
const forbidden = guarded.flatMap(([key, access]) =>
  roles.filter((role) => access !== 'any' && !access.includes(role)).map((role) => [key, role] as const),
);

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

const send = (key: string, options: Parameters<ApiTestBed['call']>[2] = {}) => {
  const [method, template] = key.split(' ') as ['GET' | 'POST', string];
  return bed.call(method, sampleUrl(template), { body: method === 'POST' ? {} : undefined, ...options });
};

describe('role boundaries: every endpoint, every role', () => {
  it.each(forbidden)('%s refuses %s with 403', async (key, role) => {
    const response = await send(key, { as: role });
    expect([response.statusCode, response.json()]).toEqual([403, errorShape]);
    expect(response.json().error.code).toBe('forbidden');
  });

  it.each(guarded.map(([key]) => key))('%s refuses a request without a key with 401', async (key) => {
    const response = await send(key);
    expect([response.statusCode, response.json().error.code]).toEqual([401, 'unauthorized']);
  });

  it.each(guarded.map(([key]) => key))('%s refuses a malformed or unknown key with 401', async (key) => {
    for (const bad of ['not-a-key', `sb_abcdefgh_${'A'.repeat(43)}`]) {
      const response = await send(key, { key: bad });
      expect(response.statusCode).toBe(401);
    }
  });

  it('spells out the examples: an agent cannot approve a fault, a service cannot read audit samples', async () => {
    const approve = await bed.call('POST', '/faults/fault-RTR-SYD-02-bgp_flapping/approval', {
      as: 'agent',
      body: { decision: 'approve' },
    });
    expect(approve.statusCode).toBe(403);
    const samples = await bed.call('GET', '/audit/samples', { as: 'service' });
    expect(samples.statusCode).toBe(403);
    const auditorDecides = await bed.call('POST', '/fraud/flags/1/decision', {
      as: 'auditor',
      body: { decision: 'investigating' },
    });
    expect(auditorDecides.statusCode).toBe(403);
  });

  it('refuses a revoked key with 401', async () => {
    const { key, prefix } = await bed.mintKey('auditor.revoked', 'auditor');
    expect((await bed.call('GET', '/fraud/flags', { key })).statusCode).toBe(200);
    expect(await revokeApiKey(bed.pool, prefix)).toBe(true);
    const after = await bed.call('GET', '/fraud/flags', { key });
    expect([after.statusCode, after.json().error.code]).toEqual([401, 'unauthorized']);
  });

  it('leaves the probes and the document public', async () => {
    for (const url of ['/healthz', '/readyz', '/openapi.json'])
      expect((await bed.call('GET', url)).statusCode).toBe(200);
  });
});

describe('identity comes from the key', () => {
  it.each([
    ['/tickets/T-1/review', 'agent', { decision: 'approve', agentId: 'someone.else' }],
    ['/faults/fault-RTR-SYD-02-bgp_flapping/approval', 'oncall', { decision: 'approve', approver: 'eng.bruno' }],
    ['/fraud/flags/1/decision', 'analyst', { decision: 'investigating', analyst: 'someone.else' }],
  ] as const)('%s refuses a body that names an identity', async (url, role, body) => {
    const response = await bed.call('POST', url, { as: role, body });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'identity_not_allowed' });
    expect(response.json().error.message).toMatch(/identity comes from your API key/);
  });
});

describe('malformed requests get a 4xx in the error shape, never a 5xx', () => {
  const json = { 'content-type': 'application/json' };
  it.each([
    ['broken JSON', { payload: '{"ticketId": ', headers: json }, 400, 'invalid_json'],
    ['an empty JSON body', { payload: '', headers: json }, 400, 'empty_body'],
    ['text/plain', { payload: 'hello', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    [
      'an unknown field',
      { body: { ticketId: 'T-1', accountId: 'ACC-1001', channel: 'chat', message: 'hi', x: 1 } },
      400,
      'invalid_body',
    ],
    [
      'a wrong type',
      { body: { ticketId: 'T-1', accountId: 'ACC-1001', channel: 'fax', message: 'hi' } },
      400,
      'invalid_body',
    ],
    ['an array', { body: [1, 2] }, 400, 'invalid_body'],
    ['an oversized body', { body: { message: 'x'.repeat(70_000) } }, 413, 'payload_too_large'],
  ] as const)('POST /tickets with %s', async (_label, options, status, code) => {
    const response = await bed.call('POST', '/tickets', { as: 'service', ...options });
    expect([response.statusCode, response.json()]).toEqual([status, errorShape]);
    expect(response.json().error.code).toBe(code);
  });

  it('names the failing fields', async () => {
    const response = await bed.call('POST', '/tickets', { as: 'service', body: { ticketId: 'T-1' } });
    expect(response.json().error.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^accountId: /)]));
  });

  it.each([
    ['GET', '/tickets/bad id!', 'service', 400],
    ['GET', '/faults/not-a-fault', 'oncall', 400],
    ['GET', '/reports/acma/2025-13', 'auditor', 400],
    ['GET', '/fraud/flags?limit=0', 'analyst', 400],
    ['GET', '/fraud/flags?surprise=1', 'analyst', 400],
    ['GET', '/no/such/endpoint', 'service', 404],
    ['POST', '/fraud/sweeps', 'analyst', 400],
  ] as const)('%s %s', async (method, url, role, status) => {
    const body = url === '/fraud/sweeps' ? { sweepDate: 'yesterday' } : undefined;
    const response = await bed.call(method, url, { as: role, body });
    expect([response.statusCode, response.json()]).toEqual([status, errorShape]);
  });
});

describe('rate limiting per key', () => {
  let limited: ApiTestBed;
  beforeAll(async () => {
    limited = await apiTestBed({ env: { API_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => limited.close());

  it('answers 429 in the error shape after the limit, for that key only', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await limited.call('GET', '/fraud/flags', { as: 'analyst' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await limited.call('GET', '/fraud/flags', { as: 'analyst' });
    expect(refused.json().error).toMatchObject({ code: 'rate_limited' });
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await limited.call('GET', '/fraud/flags', { as: 'auditor' })).statusCode).toBe(200);
  });

  it('limits requests without a valid key per address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await limited.call('GET', '/fraud/flags', { key: 'guess' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('server faults', () => {
  it('answer 500 in the error shape without the details', async () => {
    // Port 1 refuses connections: the key lookup fails the way a database outage would.
    const broken = new Pool({ connectionString: 'postgres://nobody:secret@127.0.0.1:1/none', max: 1 });
    const app = await buildApi({ config: bed.harness.config, client: bed.connection.client, pool: broken, ring: null });
    try {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const response = await fetch(`${url}/fraud/flags`, {
        headers: { authorization: `Bearer sb_abcdefgh_${'A'.repeat(43)}` },
      });
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
      expect(text).not.toMatch(/ECONNREFUSED|secret|5432|:1\b/);
    } finally {
      await app.close();
      await broken.end();
    }
  });
});
