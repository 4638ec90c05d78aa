import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { approvalAccepted, bgpItem, fakeApi, faultWaiting, testKey } from './fake-api';

/**
 * The real launcher in a child process: commander 15 is ESM-only, which jest's CommonJS runtime cannot load, and
 * this is how engineers run it anyway (no TTY here, as in a script).
 */
const bin = join(__dirname, '..', '..', '..', 'bin', 'switchboard');

function switchboard(args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

let api: Awaited<ReturnType<typeof fakeApi>>;
let env: Record<string, string>;
beforeAll(async () => {
  api = await fakeApi({
    'GET /faults/pending': () => ({ json: { items: [bgpItem] } }),
    [`GET /faults/${bgpItem.workflowId}`]: faultWaiting(bgpItem),
    [`POST /faults/${bgpItem.workflowId}/approval`]: (r) =>
      r.authorization === `Bearer ${testKey}`
        ? approvalAccepted('eng.alice')(r)
        : { status: 403, json: { error: { code: 'forbidden', message: 'role agent may not call this' } } },
    'GET /audit/verify': () => ({ json: { ok: false, rows: 9, firstBadSeq: 4, reason: 'prev_hash mismatch' } }),
  });
  env = { SWITCHBOARD_API_URL: api.url, SWITCHBOARD_API_KEY: testKey };
});
afterAll(() => api.close());

describe('the switchboard binary', () => {
  it('lists every command and the exit codes in --help, without a key', async () => {
    const { code, stdout } = await switchboard(['--help']);
    expect(code).toBe(0);
    for (const command of ['approvals list', 'approvals approve', 'tickets start', 'fraud sweep', 'audit verify']) {
      expect(stdout).toContain(command);
    }
    expect(stdout).toMatch(/78\s+configuration missing/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await switchboard(['approvals', 'reject', bgpItem.workflowId], env)).code).toBe(2);
    expect((await switchboard(['bogus'], env)).code).toBe(2);
  });

  it('exits 78 without a key, and makes no request', async () => {
    const before = api.requests.length;
    const { code, stderr } = await switchboard(['approvals', 'list'], { SWITCHBOARD_API_URL: api.url });
    expect(code).toBe(78);
    expect(stderr).toContain('SWITCHBOARD_API_KEY is not set');
    expect(api.requests.length).toBe(before);
  });

  it('approves with --yes and prints the approver', async () => {
    const { code, stdout } = await switchboard(['approvals', 'approve', bgpItem.workflowId, '--yes'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('as eng.alice: approved.');
  });

  it('refuses a destructive approval without a terminal (5), and a forbidden one (4)', async () => {
    expect((await switchboard(['approvals', 'approve', bgpItem.workflowId], env)).code).toBe(5);
    const otherKey = `sb_00000000_${'x'.repeat(43)}`;
    const forbidden = await switchboard(['approvals', 'approve', bgpItem.workflowId, '-y'], {
      ...env,
      SWITCHBOARD_API_KEY: otherKey,
    });
    expect(forbidden.code).toBe(4);
    expect(forbidden.stderr).toContain('(HTTP 403 forbidden)');
    expect(forbidden.stderr).not.toContain(otherKey);
  });

  it('exits 6 on a broken audit chain', async () => {
    const { code, stderr } = await switchboard(['audit', 'verify'], env);
    expect(code).toBe(6);
    expect(stderr).toContain('row seq 4');
  });
});
