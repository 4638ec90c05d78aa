import { signFaultVerdict } from '../client/decisions';
import { join } from 'node:path';
import { createFaultClient, faultPolicyFromConfig } from '../client';
import { scenarioAlerts } from '../db/seed/network';
import { actionCatalog, type ActionType } from '../domain/fault/catalog';
import { workerEnv, type BenchContext } from './context';
import { benchKeys } from './decision-keys';
import { fetchRunTimes } from './history';
import { distribution, type Distribution } from './stats';
import { startWorkerProcess } from './worker-process';

export interface FaultBenchResult {
  samples: number;
  /** Client clock: just before the approve signal is sent, to the execute-action activity's completion in history. */
  sentToExecutedMs: Distribution;
  /** Server clock only: the WorkflowExecutionSignaled event to the same completion. */
  signaledToExecutedMs: Distribution;
  actions: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rounds of the seeded fault scenarios. Each scenario's workflow id is its fingerprint, so a round raises each once and
 * waits for it to close before the next. Scenarios that wait for approval are approved and timed; an action that must
 * wait for the maintenance window (reboot in business hours) is rejected instead, since its wait is policy, not
 * orchestration. Settle time is 0 so the next round is not held up by the recovery check.
 */
export async function runFaultBench(ctx: BenchContext, wanted: number): Promise<FaultBenchResult> {
  const taskQueue = `bench-${ctx.runId}-faults`;
  const worker = await startWorkerProcess(
    workerEnv(ctx, taskQueue),
    join(ctx.outDir, `worker-${ctx.runId}-faults.log`),
  );
  const faults = createFaultClient({ client: ctx.client, taskQueue, policy: faultPolicyFromConfig(ctx.config) });
  const keyFor = benchKeys(ctx, 'oncall');
  const sent: number[] = [];
  const signaled: number[] = [];
  const actions: Record<string, number> = {};
  try {
    for (let round = 0; sent.length < wanted && round < wanted; round++) {
      const started = await Promise.all(
        scenarioAlerts(new Date()).map((alert) => faults.reportAlert(alert, { settleMs: 0 })),
      );
      await Promise.all(
        started.map(async ({ workflowId }) => {
          const pending = await untilWaitingOrDone(ctx, faults, workflowId);
          if (!pending) return;
          const approver = pending.approvers[0]!;
          // Signed as an engineer would, with a key registered for the approver: the round trip includes verifying it.
          const target = { runId: pending.runId, subject: pending.subject! };
          const key = await keyFor(approver);
          const verdict = (decision: 'approve' | 'reject', reason: string) =>
            signFaultVerdict(key, approver, workflowId, target, { decision, reason });
          if (actionCatalog[pending.action as ActionType]?.outsideBusinessHours) {
            await faults.reject(workflowId, verdict('reject', 'benchmark: not timing window waits'));
            return void (await faults.result(workflowId));
          }
          const sentMs = Date.now();
          await faults.approve(workflowId, verdict('approve', 'benchmark approval round trip'));
          await faults.result(workflowId);
          const times = await fetchRunTimes(ctx.client, workflowId);
          const executed = times.activities.find((a) => a.activityType === 'executeAction');
          const approval = times.signals.find((s) => s.name === 'approve');
          if (!executed || !approval) return;
          sent.push(executed.closedMs - sentMs);
          signaled.push(executed.closedMs - approval.atMs);
          actions[pending.action!] = (actions[pending.action!] ?? 0) + 1;
        }),
      );
    }
  } finally {
    await worker.stop();
  }
  return {
    samples: sent.length,
    sentToExecutedMs: distribution(sent),
    signaledToExecutedMs: distribution(signaled),
    actions,
  };
}

/** The pending approval once the workflow waits for one, or null if it finished without asking. */
async function untilWaitingOrDone(ctx: BenchContext, faults: ReturnType<typeof createFaultClient>, id: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { status } = await ctx.client.workflow.getHandle(id).describe();
    if (status.name !== 'RUNNING') return null;
    const pending = await faults.pendingApproval(id).catch(() => null);
    if (pending?.waiting) return pending;
    await sleep(50);
  }
  throw new Error(`${id} neither finished nor waited for approval within 60 s`);
}
