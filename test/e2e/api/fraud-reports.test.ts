import { apiTestBed, errorShape, type ApiTestBed } from './support';

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

/** A queued flag on a date no sweep uses, so the test owns it whatever else ran on this stack. */
async function queuedFlag(): Promise<{ id: string; sweepDate: string; accountId: string }> {
  const sweepDate = `19${10 + Math.floor(Math.random() * 80)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  const accountId = String(9_000_000 + Math.floor(Math.random() * 1_000_000));
  const { rows } = await bed.pool.query(
    `INSERT INTO fraud_review_queue (sweep_date, account_id, patterns, evidence, narrative, risk_level,
       recommended_actions, verified, model_id, cost_usd)
     VALUES ($1, $2, '{roaming_spree}', '{"roaming_spree": {"countries": 9}}', 'Roamed in 9 countries.', 'high',
       '{suspend_roaming}', true, 'switchboard-offline-1', 0) RETURNING id::text AS id`,
    [sweepDate, accountId],
  );
  return { id: rows[0].id, sweepDate, accountId };
}

describe('fraud review through the API', () => {
  it('starts a sweep for a date, and refuses a malformed date', async () => {
    const started = await bed.call('POST', '/fraud/sweeps', { as: 'analyst', body: { sweepDate: '2026-11-21' } });
    expect([started.statusCode, started.json()]).toEqual([202, { workflowId: 'fraud-sweep-2026-11-21' }]);
    await bed.connection.client.workflow.getHandle('fraud-sweep-2026-11-21').result();
    const byService = await bed.call('POST', '/fraud/sweeps', { as: 'service' });
    expect(byService.statusCode).toBe(202);
    expect(byService.json().workflowId).toMatch(/^fraud-sweep-\d{4}-\d{2}-\d{2}$/);
    const bad = await bed.call('POST', '/fraud/sweeps', { as: 'analyst', body: { sweepDate: '21/11/2026' } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_body']);
  });

  it("lists the queue, and records the analyst key's identity with the decision", async () => {
    const flag = await queuedFlag();
    const listed = await bed.call('GET', `/fraud/flags?sweepDate=${flag.sweepDate}`, { as: 'analyst' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: flag.id, accountId: flag.accountId, sweepDate: flag.sweepDate, status: 'open' }),
    ]);
    const decided = await bed.call('POST', `/fraud/flags/${flag.id}/decision`, {
      as: 'analyst',
      body: { decision: 'closed_legitimate' },
    });
    expect([decided.statusCode, decided.json()]).toEqual([
      200,
      { id: flag.id, decision: 'closed_legitimate', analyst: bed.identities.analyst, updated: true, allowlisted: 1 },
    ]);
    const row = await bed.pool.query('SELECT status, decided_by FROM fraud_review_queue WHERE id = $1', [flag.id]);
    expect(row.rows[0]).toEqual({ status: 'closed_legitimate', decided_by: bed.identities.analyst });
    const audited = await bed.call('GET', `/fraud/flags?sweepDate=${flag.sweepDate}&status=all`, { as: 'auditor' });
    expect(audited.json().items[0]).toMatchObject({ status: 'closed_legitimate', decidedBy: bed.identities.analyst });
    await bed.pool.query('DELETE FROM fraud_allowlist WHERE account_id = $1', [flag.accountId]);
  });

  it('answers 404 for an unknown flag and 400 for a bad decision', async () => {
    const unknown = await bed.call('POST', '/fraud/flags/999999999/decision', {
      as: 'analyst',
      body: { decision: 'investigating' },
    });
    expect([unknown.statusCode, unknown.json()]).toEqual([404, errorShape]);
    const bad = await bed.call('POST', '/fraud/flags/1/decision', { as: 'analyst', body: { decision: 'ban' } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_body']);
  });
});

describe('ACMA reports through the API', () => {
  const month = `18${10 + Math.floor(Math.random() * 89)}-0${1 + Math.floor(Math.random() * 9)}`;
  const csv = 'incident_id,date,type,customers_affected,date_reported,days_to_report\nINC-1,x,data_breach,5,x,3\n';
  beforeAll(async () => {
    const [year, mm] = month.split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(year, mm, 0)).toISOString().slice(0, 10);
    await bed.pool.query(
      `INSERT INTO compliance_reports (period_start, period_end, version, csv, summary, verdict, content_hash)
       VALUES ($1, $2, 1, $3, '1 data breach.', 'PASS', 'test')`,
      [`${month}-01`, end, csv],
    );
  });

  it('serves the latest report as JSON by default', async () => {
    const response = await bed.call('GET', `/reports/acma/${month}`, { as: 'auditor' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ month, version: 1, verdict: 'PASS', csv, summary: '1 data breach.' });
  });

  it('serves CSV for ?format=csv and for Accept: text/csv', async () => {
    for (const [url, headers] of [
      [`/reports/acma/${month}?format=csv`, {}],
      [`/reports/acma/${month}`, { accept: 'text/csv' }],
    ] as const) {
      const response = await bed.call('GET', url, { as: 'service', headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.body).toBe(csv);
    }
  });

  it('answers 404 for a month without a report and 400 for a malformed month or format', async () => {
    expect((await bed.call('GET', '/reports/acma/1700-01', { as: 'auditor' })).statusCode).toBe(404);
    expect((await bed.call('GET', '/reports/acma/2025-1', { as: 'auditor' })).statusCode).toBe(400);
    expect((await bed.call('GET', `/reports/acma/${month}?format=xml`, { as: 'auditor' })).statusCode).toBe(400);
  });
});
