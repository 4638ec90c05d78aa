import { accessTable, undocumentedRoutes } from '../../../client/api/roles';
import { apiTestBed, errorShape, type ApiTestBed } from './support';

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

describe('calendar dates, not just their pattern', () => {
  // Each once answered 500: the pattern passed and PostgreSQL refused the date.
  it.each([
    ['/reports/acma/0000-01', 'auditor'],
    ['/reports/acma/2026-13', 'auditor'],
    ['/fraud/flags?sweepDate=0000-00-00', 'analyst'],
    ['/fraud/flags?sweepDate=2025-02-29', 'analyst'],
    ['/fraud/flags?sweepDate=2025-04-31', 'analyst'],
  ] as const)('GET %s is a 400', async (url, as) => {
    const response = await bed.call('GET', url, { as });
    expect([response.statusCode, response.json()]).toEqual([400, errorShape]);
  });

  it('refuses impossible days in bodies, and takes a leap day', async () => {
    const sweep = await bed.call('POST', '/fraud/sweeps', { as: 'analyst', body: { sweepDate: '2026-02-30' } });
    expect([sweep.statusCode, sweep.json().error.code]).toEqual([400, 'invalid_body']);
    const run = await bed.call('POST', '/reports/acma/2026-01/runs', { as: 'reviewer', body: { asOf: '0000-00-00' } });
    expect([run.statusCode, run.json().error.code]).toEqual([400, 'invalid_body']);
    for (const day of ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      const ok = await bed.call('GET', `/fraud/flags?sweepDate=${day}`, { as: 'analyst' });
      expect([day, ok.statusCode]).toEqual([day, 200]);
    }
    const century = await bed.call('GET', '/fraud/flags?sweepDate=1900-02-29', { as: 'analyst' });
    expect(century.statusCode).toBe(400);
  });
});

describe('methods a path does not serve', () => {
  it.each([
    ['DELETE', '/tickets', 'POST'],
    ['PUT', '/tickets/T-1', 'GET, HEAD'],
    ['GET', '/tickets/T-1/messages', 'POST'],
    ['PATCH', '/faults/pending', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['OPTIONS', '/audit/verify', 'GET, HEAD'],
  ])('%s %s is a 405 with Allow: %s, before auth and before the body', async (method, url, allow) => {
    const response = await fetch(`${bed.baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{not json',
    });
    expect([response.status, response.headers.get('allow')]).toEqual([405, allow]);
    expect(await response.json()).toEqual(errorShape);
  });

  it('still answers 404 for a path that does not exist', async () => {
    expect((await bed.call('GET', '/nowhere', { as: 'auditor' })).statusCode).toBe(404);
  });
});

describe('every status a route can return is in the OpenAPI document', () => {
  it('documents the 404 for a message to an unknown ticket', async () => {
    const response = await bed.call('POST', '/tickets/NO-SUCH-TICKET-1/messages', {
      as: 'service',
      body: { message: 'hello' },
    });
    expect(response.statusCode).toBe(404);
    const document = (await bed.call('GET', '/openapi.json')).json();
    expect(document.paths['/tickets/{id}/messages'].post.responses['404'].content['application/json']).toBeTruthy();
  });

  it("documents the framework's 400/401/403/413/415/429 where they can happen", async () => {
    const document = (await bed.call('GET', '/openapi.json')).json();
    for (const [key, access] of Object.entries(accessTable)) {
      if ((undocumentedRoutes as string[]).includes(key)) continue;
      const [method, template] = key.split(' ') as [string, string];
      const path = template.replace(/:([a-z]+)/gi, '{$1}');
      const codes = Object.keys(document.paths[path][method.toLowerCase()].responses);
      const expected = [
        ...(method === 'POST' ? ['400', '413', '415'] : []),
        ...(template.includes(':') ? ['400', '404'] : []),
        ...(access === 'public' ? [] : ['401', '429']),
        ...(access === 'public' || access === 'any' ? [] : ['403']),
      ];
      expect([key, codes]).toEqual([key, expect.arrayContaining(expected)]);
    }
  });
});
