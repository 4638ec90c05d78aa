import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { connectClient, createFaultClient, type FaultClient, type SwitchboardConnection } from '../../client';
import { scenarioAlerts, scenarioDeviceIds } from '../../db/seed/network';
import type { ComplianceReport } from '../../domain/compliance/facts';
import { faultWorkflowId } from '../../domain/fault/alert';
import { signedFaultDecision } from '../e2e/signing';
import { clusterConfig, clusterStack, newTaskQueue, refusal, tokenFor, workerStarter } from './support';

// The fault and ACMA paths of test/e2e, on the cluster: each call made with the token of the role that makes it.
const taskQueue = newTaskQueue();
const policy = { reminderIntervalMs: 60_000, tierDeadlineMs: 120_000, finalDeadlineMs: 600_000, settleMs: 500 };
const connections: Record<'api' | 'oncall' | 'auditor', SwitchboardConnection> = {} as never;
let worker: ChildProcess;
let pool: Pool;
const faultsAs = (role: keyof typeof connections): FaultClient =>
  createFaultClient({ client: connections[role].client, taskQueue, policy });

beforeAll(async () => {
  pool = new Pool({ connectionString: clusterStack().databaseUrl, max: 2 });
  for (const role of ['api', 'oncall', 'auditor'] as const)
    connections[role] = await connectClient(clusterConfig(tokenFor(role), taskQueue));
  worker = workerStarter(taskQueue)();
  // A fault id is its alert fingerprint: a run an earlier test left open on this stack would absorb the alert.
  for (const alert of scenarioAlerts(new Date()))
    await connections.api.client.workflow
      .getHandle(faultWorkflowId(alert))
      .terminate('cleared before the cluster path tests')
      .catch(() => undefined);
});
afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await Promise.all(Object.values(connections).map((connection) => connection.close()));
  await pool?.end();
});

async function untilWaiting(faults: FaultClient, workflowId: string) {
  const deadline = Date.now() + 60_000;
  while (!(await faults.pendingApproval(workflowId).catch(() => null))?.waiting) {
    if (Date.now() > deadline) throw new Error(`${workflowId} never waited for approval`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return faults.pendingApproval(workflowId);
}

describe('the fault and ACMA paths on the cluster', () => {
  it('writes the golden ACMA report, started with the API token', async () => {
    const report: ComplianceReport = await connections.api.client.workflow.execute('monthlyComplianceReport', {
      taskQueue,
      workflowId: `acma-cluster-${taskQueue.slice(-8)}`,
      args: [{ period: { start: '2025-01-01', end: '2025-02-28' } }],
    });
    expect(report.csv).toBe(
      'incident_id,date,type,customers_affected,date_reported,days_to_report\n' +
        'INC-2025-001,2025-01-15,data_breach,500,2025-01-18,3\n' +
        'INC-2025-003,2025-02-01,data_breach,1200,2025-02-10,9\n',
    );
    expect(report.verdict).toBe('PASS');
  });

  it("executes a fault's reset once an on-call engineer's token carries the signed approval", async () => {
    const alert = scenarioAlerts(new Date()).find((a) => a.deviceId === scenarioDeviceIds.bgpFlapping)!;
    const { workflowId } = await faultsAs('api').reportAlert(alert);
    const pending = await untilWaiting(faultsAs('auditor'), workflowId);
    expect(pending.action).toBe('reset_bgp_session');
    const { rows } = await pool.query(
      "SELECT engineer_id FROM oncall_roster WHERE team = 'core-network' ORDER BY tier, engineer_id LIMIT 1",
    );
    const approver: string = rows[0].engineer_id;
    const runId = (await connections.auditor.client.workflow.getHandle(workflowId).describe()).runId;
    const signed = await signedFaultDecision(
      pool,
      approver,
      workflowId,
      { runId, subject: pending.subject },
      {
        decision: 'approve',
        reason: 'peer NOC confirmed the firmware issue',
      },
    );

    // A valid signature is not enough: an auditor's token cannot deliver it.
    expect(await refusal(faultsAs('auditor').approve(workflowId, signed))).toBe('PERMISSION_DENIED');
    expect((await faultsAs('auditor').pendingApproval(workflowId)).waiting).toBe(true);

    await faultsAs('oncall').approve(workflowId, signed);
    const result = await faultsAs('api').result(workflowId);
    expect(result.outcome).toBe('approved_executed');
    expect(result.decision.approver).toBe(approver);
  });
});
