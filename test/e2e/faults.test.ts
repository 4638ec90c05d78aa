import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connectClient, createFaultClient, type FaultClient } from '../../client';
import { scenarioAlerts, scenarioDeviceIds } from '../../db/seed/network';
import { faultWorkflowId } from '../../domain/fault/alert';
import { resolveTemporalCli } from '../../tooling/stack/temporal-cli';
import { clearLeftoverFault, waitFor } from '../support/temporal';
import { e2eConfig, e2eHarness, workerProcess, type E2EHarness } from './support';
import { registerDecisionKey } from '../../activities/decisions/registry';
import { signedFaultDecision } from './signing';

const run = promisify(execFile);
const policy = { reminderIntervalMs: 60_000, tierDeadlineMs: 120_000, finalDeadlineMs: 600_000, settleMs: 500 };

let harness: E2EHarness;
let faults: FaultClient;
let closeConnection: () => Promise<void>;
let runIdOf: (workflowId: string) => Promise<string>;
beforeAll(async () => {
  harness = await e2eHarness();
  const connection = await connectClient(harness.config);
  closeConnection = connection.close;
  // Fault ids recur (they are alert fingerprints), so rows are matched to this run, not to earlier tests' runs.
  runIdOf = async (workflowId) => (await connection.client.workflow.getHandle(workflowId).describe()).runId;
  for (const alert of scenarioAlerts(new Date())) {
    await clearLeftoverFault(connection.client, faultWorkflowId(alert), 'cleared before the fault e2e tests');
  }
  faults = createFaultClient({ client: connection.client, taskQueue: harness.config.TEMPORAL_TASK_QUEUE, policy });
});
afterAll(async () => {
  await closeConnection();
  await harness.close();
});

const alertFor = (deviceId: string) => {
  const alert = scenarioAlerts(new Date()).find((a) => a.deviceId === deviceId);
  if (!alert) throw new Error(`no seeded scenario for ${deviceId}`);
  return alert;
};

const untilWaiting = (client: FaultClient, workflowId: string) =>
  waitFor(
    async () => {
      const pending = await client.pendingApproval(workflowId);
      return pending.waiting ? pending : undefined;
    },
    `${workflowId} to wait for approval`,
    30_000,
  );

async function tierOneEngineer(team: string): Promise<string> {
  const rows = await harness.pool.query(
    'SELECT engineer_id FROM oncall_roster WHERE team = $1 ORDER BY tier, engineer_id',
    [team],
  );
  return rows.rows[0].engineer_id;
}

const bin = join(__dirname, '..', '..', 'bin', 'switchboard');
const switchboard = async (args: string[]) =>
  run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH } });

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** An approval signed with a freshly registered key for `approver`, bound to the run and action it waits on. */
async function signedBy(approver: string, workflowId: string, pending: { runId: string; subject: string | null }) {
  return signedFaultDecision(harness.pool, approver, workflowId, pending, {
    decision: 'approve',
    reason: 'roll it back',
  });
}

describe('fault diagnosis end to end (offline engine, real PostgreSQL, seeded scenarios)', () => {
  it('diagnoses the BGP case as a version mismatch, and the real temporal CLI approves the reset', async () => {
    const { workflowId } = await faults.reportAlert(alertFor(scenarioDeviceIds.bgpFlapping));
    const waiting = await untilWaiting(faults, workflowId);
    expect(waiting.action).toBe('reset_bgp_session');
    const executedEarly = await harness.pool.query(
      'SELECT 1 FROM action_executions WHERE workflow_id = $1 AND run_id = $2',
      [workflowId, await runIdOf(workflowId)],
    );
    expect(executedEarly.rowCount).toBe(0);

    const page = await harness.pool.query(
      "SELECT message FROM pages WHERE workflow_id = $1 AND kind = 'approval_request'",
      [workflowId],
    );
    expect(page.rows[0].message).toContain(`switchboard approvals approve|reject ${workflowId}`);
    expect(page.rows[0].message).not.toContain('"approver"');

    const approver = await tierOneEngineer('core-network');
    const cli = await resolveTemporalCli();
    const signal = (input: string) =>
      run(cli.path, [
        'workflow',
        'signal',
        '--address',
        harness.config.TEMPORAL_ADDRESS,
        '--workflow-id',
        workflowId,
        '--name',
        'approve',
        '--input',
        input,
      ]);
    // The command the README used to teach: a name typed into the payload, as an emergency. Recorded, never acted on.
    await signal(JSON.stringify({ approver, reason: 'peer NOC confirmed the firmware issue', emergency: true }));
    const refused = await until(async () => (await faults.pendingApproval(workflowId)).ignored[0], 'the refusal');
    expect(refused).toEqual({ approver, reason: expect.stringMatching(/^unsigned/) });
    expect((await faults.pendingApproval(workflowId)).waiting).toBe(true);

    // The engineer's own key, made and used by the real CLI, sent with the same temporal binary.
    const keyFile = join(mkdtempSync(join(tmpdir(), 'sb-oncall-')), 'key.json');
    const created = await switchboard(['keys', 'create', '--identity', approver, '--role', 'oncall', '--out', keyFile]);
    const publicKey = /--public-key (\S+)/.exec(created.stdout)![1]!;
    await registerDecisionKey(harness.pool, {
      identity: approver,
      role: 'oncall',
      publicKeyBase64: publicKey,
      registeredBy: 'test',
    });
    const signed = await switchboard([
      'approvals',
      'sign',
      workflowId,
      '--approve',
      '--reason',
      'peer NOC confirmed the firmware issue',
      '--key',
      keyFile,
      '--run-id',
      await runIdOf(workflowId),
      '--action',
      waiting.action!,
      '--device',
      waiting.deviceId,
    ]);
    await signal(signed.stdout.trim());

    const result = await faults.result(workflowId);
    expect(result.decision.ignored).toEqual([refused]);
    expect(result.diagnosis?.rootCause).toMatch(/version mismatch/i);
    expect(result.diagnosis?.rootCause).toMatch(/firmware upgrade/);
    expect(result.outcome).toBe('approved_executed');
    expect(result.decision.approver).toBe(approver);
    expect(result.recovered).toBe(true);
    expect(result.mttrMs).toBeGreaterThan(0);
    const executed = await harness.pool.query(
      'SELECT action, approved_by FROM action_executions WHERE workflow_id = $1 AND run_id = $2',
      [workflowId, await runIdOf(workflowId)],
    );
    expect(executed.rows).toEqual([{ action: 'reset_bgp_session', approved_by: approver }]);
  });

  it('drains traffic from the runaway-CPU router by itself', async () => {
    const { workflowId } = await faults.reportAlert(alertFor(scenarioDeviceIds.cpuHigh));
    const result = await faults.result(workflowId);
    expect(result.outcome).toBe('auto_executed');
    expect(result.diagnosis?.recommendedAction).toBe('drain_traffic');
    const pages = await harness.pool.query('SELECT 1 FROM pages WHERE workflow_id = $1', [workflowId]);
    expect(pages.rowCount).toBe(0);
  });

  it('refuses a malformed alert before anything starts', async () => {
    await expect(faults.reportAlert({ deviceId: 'rtr; drop table', alertType: 'cpu_high' })).rejects.toThrow(
      /invalid alert/,
    );
  });

  it('finishes after the worker is killed while it waits for approval', async () => {
    const config = e2eConfig();
    const spawnWorker = workerProcess(config);
    const connection = await connectClient(config);
    const client = createFaultClient({ client: connection.client, taskQueue: config.TEMPORAL_TASK_QUEUE, policy });
    let worker: ChildProcess | undefined = spawnWorker();
    try {
      const { workflowId } = await client.reportAlert(alertFor(scenarioDeviceIds.configError));
      await untilWaiting(client, workflowId);
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker!.once('exit', resolve));
      worker = spawnWorker();
      const pending = await client.pendingApproval(workflowId);
      await client.approve(workflowId, await signedBy(await tierOneEngineer('core-network'), workflowId, pending));
      const result = await client.result(workflowId);
      expect(result.outcome).toBe('approved_executed');
      expect(result.diagnosis?.recommendedAction).toBe('rollback_config');
    } finally {
      worker?.kill('SIGTERM');
      if (worker) await new Promise((resolve) => worker!.once('exit', resolve));
      await connection.close();
    }
  }, 90_000);
});
