import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { FaultClient } from '../../client';
import { scenarioAlerts } from '../../db/seed/network';
import { faultWorkflowId, type Alert } from '../../domain/fault/alert';
import type { FaultResult } from '../../domain/fault/result';
import type { PendingApproval } from '../../workflows/fault/messages';

export interface FaultDemoRow {
  alert: Alert;
  workflowId: string;
  pending: PendingApproval | null;
  result: FaultResult | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Earlier demo runs may have left scenario workflows waiting for approval in the persistent dev store. */
async function clearEarlierRuns(client: Client, alerts: Alert[]): Promise<void> {
  for (const alert of alerts) {
    const handle = client.workflow.getHandle(faultWorkflowId(alert));
    try {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('demo restarted: the scenario is raised again');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}

/** Raises the seeded fault alerts and waits until each has finished or is waiting for an engineer. */
export async function runFaultScenarios(client: Client, faults: FaultClient): Promise<FaultDemoRow[]> {
  const alerts = scenarioAlerts(new Date());
  await clearEarlierRuns(client, alerts);
  const rows: FaultDemoRow[] = [];
  for (const alert of alerts) {
    const { workflowId } = await faults.reportAlert(alert, { settleMs: 2_000 });
    rows.push({ alert, workflowId, pending: null, result: null });
  }
  const deadline = Date.now() + 60_000;
  while (rows.some((row) => !row.result && !row.pending?.waiting) && Date.now() < deadline) {
    for (const row of rows.filter((r) => !r.result && !r.pending?.waiting)) {
      const { status } = await client.workflow.getHandle(row.workflowId).describe();
      if (status.name === 'COMPLETED') row.result = await faults.result(row.workflowId);
      else row.pending = await faults.pendingApproval(row.workflowId).catch(() => null);
    }
    await sleep(200);
  }
  return rows;
}
