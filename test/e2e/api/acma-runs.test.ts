import type { ComplianceReport } from '../../../domain/compliance/facts';
import { apiTestBed, type ApiTestBed } from './support';

/** Starting a month's report through the API, as of a given date, and reproducing it. */
let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
}, 60_000);
afterAll(() => bed.close());

const result = (workflowId: string) =>
  bed.connection.client.workflow.getHandle(workflowId).result() as Promise<ComplianceReport>;

describe('POST /reports/acma/:month/runs', () => {
  it('runs a month as of a date, and the same month and date give the same report', async () => {
    const started = await bed.call('POST', '/reports/acma/2020-01/runs', {
      as: 'service',
      body: { asOf: '2020-02-15' },
    });
    expect([started.statusCode, started.json()]).toEqual([
      202,
      { workflowId: 'acma-report-2020-01-manual-as-of-2020-02-15', started: true },
    ]);
    const first = await result(started.json().workflowId);
    expect(first.asOf).toBe('2020-02-15');
    const again = await bed.call('POST', '/reports/acma/2020-01/runs', {
      as: 'reviewer',
      body: { asOf: '2020-02-15' },
    });
    expect(again.statusCode).toBe(202);
    const second = await result(again.json().workflowId);
    expect([second.csv, second.summary, second.verdict]).toEqual([first.csv, first.summary, first.verdict]);
  });

  it('refuses a malformed date or month and a role that may not start reports', async () => {
    const bad = await bed.call('POST', '/reports/acma/2020-01/runs', { as: 'service', body: { asOf: '15/02/2020' } });
    expect(bad.statusCode).toBe(400);
    expect((await bed.call('POST', '/reports/acma/2020-13/runs', { as: 'service', body: {} })).statusCode).toBe(400);
    expect((await bed.call('POST', '/reports/acma/2020-01/runs', { as: 'agent', body: {} })).statusCode).toBe(403);
  });
});
