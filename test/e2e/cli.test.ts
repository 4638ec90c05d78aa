import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { scenarioAlerts, scenarioDeviceIds } from '../../db/seed/network';
import { faultWorkflowId } from '../../domain/fault/alert';
import type { FaultResult } from '../../domain/fault/result';
import { apiTestBed, until, type ApiTestBed } from './api/support';
import { clearLeftoverFault } from '../support/temporal';

/**
 * The acceptance test for the CLI: an on-call engineer lists a real pending fault and approves it through the real
 * API, as a child process, with nothing but the API's URL and their own key.
 */
const bin = join(__dirname, '..', '..', 'bin', 'switchboard');
const alert = () => scenarioAlerts(new Date()).find((a) => a.deviceId === scenarioDeviceIds.bgpFlapping)!;
const workflowId = faultWorkflowId({ deviceId: scenarioDeviceIds.bgpFlapping, alertType: 'bgp_flapping' });
// Tier 1 on core-network in the seeded roster (db/seed/network/inventory.json), so his approval counts.
const engineer = 'eng.bruno';

let bed: ApiTestBed;
let oncallKey: string;

function switchboard(args: string[], key: string | undefined) {
  const env = { PATH: process.env.PATH, SWITCHBOARD_API_URL: bed.baseUrl, SWITCHBOARD_API_KEY: key };
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

beforeAll(async () => {
  bed = await apiTestBed();
  await clearLeftoverFault(bed.connection.client, workflowId, 'cleared before the CLI test');
  oncallKey = (await bed.mintKey(engineer, 'oncall')).key;
}, 60_000);
afterAll(() => bed.close());

describe('switchboard CLI against the real API', () => {
  it('explains itself without a key, and refuses to run a command without one (78)', async () => {
    const help = await switchboard(['--help'], undefined);
    expect(help.code).toBe(0);
    for (const command of ['approvals list', 'approvals approve', 'approvals reject', 'reports acma', 'audit verify']) {
      expect(help.stdout).toContain(command);
    }
    const missing = await switchboard(['approvals', 'list'], undefined);
    expect([missing.code, missing.stderr]).toEqual([78, expect.stringContaining('SWITCHBOARD_API_KEY is not set')]);
  });

  it('lists the pending BGP fault with its rule and approves it as the key holder, end to end', async () => {
    const started = await bed.call('POST', '/diagnose', { as: 'service', body: alert() });
    expect(started.statusCode).toBe(202);
    const item = await until(async () => {
      const pending = await bed.call('GET', '/faults/pending', { as: 'oncall' });
      return pending.json().items.find((i: { workflowId: string }) => i.workflowId === workflowId);
    }, 'the fault to wait for approval');

    const list = await switchboard(['approvals', 'list'], oncallKey);
    expect([list.code, list.stderr]).toEqual([0, '']);
    const row = list.stdout.split('\n').find((line) => line.startsWith(workflowId));
    expect(row).toContain('reset_bgp_session [destructive]');
    expect(row).toContain(item.rule);
    expect(list.stdout).toMatch(/diagnosis \(bgp_flapping\): .*version mismatch/i);

    const agent = await switchboard(['approvals', 'approve', workflowId, '--yes'], bed.keys.agent);
    expect(agent.code).toBe(4);
    expect(agent.stderr).toContain('HTTP 403');
    expect(agent.stderr).not.toContain(bed.keys.agent);

    // No terminal here, so the destructive reset needs --yes; without it nothing is sent.
    expect((await switchboard(['approvals', 'approve', workflowId], oncallKey)).code).toBe(5);

    const approve = await switchboard(
      ['approvals', 'approve', workflowId, '--yes', '--reason', 'peer NOC confirmed the firmware issue'],
      oncallKey,
    );
    expect(approve.stderr).toBe('');
    expect([approve.code, approve.stdout]).toEqual([
      0,
      `Approved reset_bgp_session on ${scenarioDeviceIds.bgpFlapping} (${workflowId}) as ${engineer}: approved.\n`,
    ]);

    const result: FaultResult = await bed.connection.client.workflow.getHandle(workflowId).result();
    expect(result.decision.approver).toBe(engineer);
    expect(result.outcome).toMatch(/^(approved_executed|not_recovered_escalated)$/);
    const { runId } = await bed.connection.client.workflow.getHandle(workflowId).describe();
    const executed = await bed.pool.query(
      'SELECT action, approved_by FROM action_executions WHERE workflow_id = $1 AND run_id = $2',
      [workflowId, runId],
    );
    expect(executed.rows).toEqual([{ action: 'reset_bgp_session', approved_by: engineer }]);

    const late = await switchboard(['approvals', 'approve', workflowId, '--yes'], oncallKey);
    expect(late.code).toBe(3);
  }, 90_000);

  it('verifies the audit chain with an auditor key (0), and refuses an on-call key (4)', async () => {
    const audit = await switchboard(['audit', 'verify'], bed.keys.auditor);
    expect([audit.code, audit.stdout]).toEqual([
      0,
      expect.stringMatching(/^Audit chain intact: \d+ rows verified\.\n$/),
    ]);
    expect((await switchboard(['audit', 'verify'], oncallKey)).code).toBe(4);
  });
});
