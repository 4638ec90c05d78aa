import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAudit } from '../../../client/cli/commands/audit';
import { isCalendarDate, startFraudSweep } from '../../../client/cli/commands/fraud';
import { fetchAcmaReport } from '../../../client/cli/commands/reports';
import { showTicket, startTicket } from '../../../client/cli/commands/tickets';
import { ExitCode } from '../../../client/cli/exit-codes';
import { fakeApi, testContext, testIo, type Routes } from './fake-api';

const ticket = { ticketId: 'T-1', accountId: 'ACC-1', channel: 'email', message: 'Charged twice' };
const report = (verdict: string) => ({ month: '2025-02', version: 1, verdict, summary: 's', csv: 'a,b\n1,2\n' });
let verdict = 'PASS';
let audit: unknown = { ok: true, rows: 42 };

const routes: Routes = {
  'POST /tickets': (r) => ({
    status: 202,
    json: { workflowId: 'ticket-T-1', ticketId: (r.body as typeof ticket).ticketId },
  }),
  'GET /tickets/T-1': () => ({
    json: { workflowId: 'ticket-T-1', execution: 'RUNNING', status: { stage: 'drafting' } },
  }),
  'POST /fraud/sweeps': () => ({ status: 202, json: { workflowId: 'fraud-sweep-2025-02-28' } }),
  'GET /reports/acma/2025-02': () => ({ json: report(verdict) }),
  'GET /reports/acma/2025-02?format=csv': () => ({ text: 'a,b\n1,2\n', type: 'text/csv; charset=utf-8' }),
  'GET /audit/verify': () => ({ json: audit }),
};

let api: Awaited<ReturnType<typeof fakeApi>>;
beforeEach(async () => {
  api = await fakeApi(routes);
  verdict = 'PASS';
  audit = { ok: true, rows: 42 };
});
afterEach(() => api.close());

const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));

describe('tickets', () => {
  it('starts a ticket from a file', async () => {
    const file = join(dir, 'ticket.json');
    writeFileSync(file, JSON.stringify(ticket));
    const t = testIo();
    expect(await startTicket(testContext(api.url, t.io), { file })).toBe(ExitCode.ok);
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/tickets', body: ticket });
    expect(t.stdout()).toBe('Started ticket T-1 (workflow ticket-T-1).\n');
  });

  it('reads the ticket from stdin with -', async () => {
    const t = testIo({ input: JSON.stringify(ticket) });
    expect(await startTicket(testContext(api.url, t.io), { file: '-' })).toBe(ExitCode.ok);
  });

  it('refuses an invalid ticket as a usage error naming the field, before any request', async () => {
    const t = testIo({ input: JSON.stringify({ ...ticket, channel: 'fax' }) });
    const failure = startTicket(testContext(api.url, t.io), { file: '-' });
    await expect(failure).rejects.toMatchObject({
      exitCode: ExitCode.usage,
      details: [expect.stringMatching(/^channel:/)],
    });
    expect(api.requests).toHaveLength(0);
  });

  it.each([
    ['not json', '{'],
    ['missing file', undefined],
  ])('refuses %s as a usage error', async (_what, content) => {
    const file = join(dir, `bad-${content === undefined ? 'missing' : 'json'}.json`);
    if (content !== undefined) writeFileSync(file, content);
    await expect(startTicket(testContext(api.url, testIo().io), { file })).rejects.toMatchObject({
      exitCode: ExitCode.usage,
    });
  });

  it('shows a ticket as JSON', async () => {
    const t = testIo();
    await showTicket(testContext(api.url, t.io), 'T-1');
    expect(JSON.parse(t.stdout())).toMatchObject({ execution: 'RUNNING' });
  });
});

describe('fraud sweep', () => {
  it('sends the date when given, and nothing otherwise', async () => {
    await startFraudSweep(testContext(api.url, testIo().io), { date: '2025-02-28' });
    await startFraudSweep(testContext(api.url, testIo().io), {});
    expect(api.requests.map((r) => r.body)).toEqual([{ sweepDate: '2025-02-28' }, {}]);
  });

  it('refuses a date that is not on the calendar', async () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    await expect(startFraudSweep(testContext(api.url, testIo().io), { date: '28/02/2025' })).rejects.toMatchObject({
      exitCode: ExitCode.usage,
    });
  });
});

describe('reports acma', () => {
  it('prints the JSON report and exits 0 whatever the verdict', async () => {
    verdict = 'FAIL';
    const t = testIo();
    expect(await fetchAcmaReport(testContext(api.url, t.io), '2025-02', {})).toBe(ExitCode.ok);
    expect(JSON.parse(t.stdout())).toMatchObject({ verdict: 'FAIL' });
    expect(api.requests[0]!.accept).toBe('application/json');
  });

  it('writes the CSV to a file', async () => {
    const out = join(dir, 'acma.csv');
    const t = testIo();
    expect(await fetchAcmaReport(testContext(api.url, t.io), '2025-02', { csv: true, out })).toBe(ExitCode.ok);
    expect(readFileSync(out, 'utf8')).toBe('a,b\n1,2\n');
    expect(t.stdout()).toBe('');
  });

  it.each([
    ['PASS', ExitCode.ok],
    ['FAIL', ExitCode.reportNotPassing],
    ['PENDING', ExitCode.reportNotPassing],
  ])('with --check, a %s verdict exits %i', async (v, code) => {
    verdict = v;
    const t = testIo();
    expect(await fetchAcmaReport(testContext(api.url, t.io), '2025-02', { check: true, csv: true })).toBe(code);
    expect(t.stdout()).toBe('a,b\n1,2\n');
  });

  it('refuses a malformed month', async () => {
    await expect(fetchAcmaReport(testContext(api.url, testIo().io), '2025-13', {})).rejects.toMatchObject({
      exitCode: ExitCode.usage,
    });
  });
});

describe('audit verify', () => {
  it('exits 0 on an intact chain', async () => {
    const t = testIo();
    expect(await verifyAudit(testContext(api.url, t.io), {})).toBe(ExitCode.ok);
    expect(t.stdout()).toBe('Audit chain intact: 42 rows verified.\n');
  });

  it('exits 6 and names the first tampered row', async () => {
    audit = { ok: false, rows: 42, firstBadSeq: 17, reason: 'hash mismatch' };
    const t = testIo();
    expect(await verifyAudit(testContext(api.url, t.io), {})).toBe(ExitCode.auditBroken);
    expect(t.stderr()).toBe('Audit chain BROKEN at row seq 17: hash mismatch (42 rows).\n');
  });
});
