import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Alert } from '../../domain/fault/alert';
import type { FaultResult } from '../../domain/fault/result';
import { approveSignal, pendingApprovalQuery } from '../../workflows/fault/messages';
import { temporalHarnessForFile, waitFor } from '../support/temporal';
import {
  faultKeyring,
  faultStubs,
  zoneWhereItIs,
  type FaultRecorder,
  type FaultStubOptions,
  faultPolicy,
} from './fault-stubs';
import { decideByUpdate, signedFaultSignal, signFaultDecision } from './fault-signing';

/** An outsider's attempts on the approval path: each is recorded, none acts, and a genuine decision acts once. */
const harness = temporalHarnessForFile();

async function run(
  stubs: FaultStubOptions,
  interact: (id: string, recorder: FaultRecorder) => Promise<void>,
  alertType: Alert['alertType'] = 'bgp_flapping',
) {
  const { activities, recorder } = faultStubs(stubs);
  const worker = await harness.worker(activities);
  const deviceId = `RTR-D${randomUUID().slice(0, 4).toUpperCase()}`;
  const alert: Alert = {
    alertId: `A-${randomUUID().slice(0, 6)}`,
    deviceId,
    alertType,
    summary: 'BGP flapping with PEER-GLOBAL-04',
    severity: 'major',
    detectedAt: new Date(Date.now() - 60_000).toISOString(),
  };
  const workflowId = `fault-${deviceId}-${alertType}`;
  const result = await worker.runUntil(async () => {
    const handle = await harness.client.workflow.start('diagnoseFault', {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [{ alert, policy: faultPolicy }],
    });
    await interact(workflowId, recorder);
    return (await handle.result()) as FaultResult;
  });
  return { result, recorder };
}

const pending = (id: string) => harness.client.workflow.getHandle(id).query(pendingApprovalQuery);
const untilWaiting = (id: string) => waitFor(async () => ((await pending(id)).waiting ? true : undefined), 'wait');
const untilIgnored = (id: string, count: number) =>
  waitFor(async () => ((await pending(id)).ignored.length >= count ? true : undefined), `${count} ignored`, 30_000);
const send = (id: string, value: unknown) => harness.client.workflow.getHandle(id).signal(approveSignal, value);

describe('forged fault decisions', () => {
  it('records and ignores every forgery, then acts once on a genuine approval', async () => {
    faultKeyring.key('mgr.dana', 'oncall');
    faultKeyring.revoke('mgr.dana', 'oncall');
    const { result, recorder } = await run({}, async (id, live) => {
      await untilWaiting(id);
      const genuine = await signFaultDecision(harness.client, id, 'approve', 'eng.alice');
      const forgeries: Array<[unknown, RegExp]> = [
        [{ approver: 'eng.alice', reason: 'x', emergency: true }, /^unsigned/],
        [
          await signFaultDecision(harness.client, id, 'approve', 'eng.alice', { key: faultKeyring.unregistered() }),
          /unknown key/,
        ],
        [await signFaultDecision(harness.client, id, 'approve', 'mgr.dana'), /revoked/],
        [await signFaultDecision(harness.client, id, 'approve', 'eng.mallory'), /not on the on-call roster/],
        [
          await signFaultDecision(harness.client, id, 'approve', 'eng.alice', {
            key: faultKeyring.key('eng.alice', 'agent'),
          }),
          /belongs to agent:eng.alice/,
        ],
        [
          await signFaultDecision(harness.client, id, 'approve', 'eng.alice', {
            workflowId: 'fault-RTR-X1-bgp_flapping',
          }),
          /signed for workflow/,
        ],
        [
          await signFaultDecision(harness.client, id, 'approve', 'eng.alice', { runId: randomUUID() }),
          /signed for run/,
        ],
        [
          await signFaultDecision(harness.client, id, 'approve', 'eng.alice', { action: 'reboot_device' }),
          /signed for reboot_device@/,
        ],
        [
          await signFaultDecision(harness.client, id, 'approve', 'eng.alice', {
            now: new Date(Date.now() - 3_600_000),
          }),
          /expired at/,
        ],
        [{ ...genuine, statement: { ...genuine.statement, emergency: true } }, /signature does not verify/],
      ];
      for (const [forgery] of forgeries) await send(id, forgery);
      await untilIgnored(id, forgeries.length);
      const waiting = await pending(id);
      expect(waiting.waiting).toBe(true);
      expect(live.executions).toEqual([]);
      for (const [, reason] of forgeries)
        expect(waiting.ignored.map((i) => i.reason)).toContainEqual(expect.stringMatching(reason));
      // The same signed approval twice: the second is a replay, refused by its nonce. Sent back to back, so it is in
      // history before the run can finish; the run records it before completing.
      await send(id, genuine);
      await send(id, genuine);
    });
    expect(result.outcome).toBe('approved_executed');
    expect(result.decision.approver).toBe('eng.alice');
    expect(recorder.executions).toEqual([{ action: 'reset_bgp_session', approvedBy: 'eng.alice', emergency: false }]);
    expect(result.decision.ignored.at(-1)!.reason).toMatch(/nonce .* already used/);
  });

  it('answers a forged update with the reason, keeps the refusal in history, and counts a genuine one', async () => {
    let refusal: unknown;
    const { result, recorder } = await run({}, async (id) => {
      await untilWaiting(id);
      const forged = await signFaultDecision(harness.client, id, 'approve', 'eng.alice', {
        key: faultKeyring.unregistered(),
      });
      refusal = await decideByUpdate(harness.client, id, forged);
      await expect(decideByUpdate(harness.client, id, { approver: 'eng.alice', reason: 'x' })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      const genuine = await signFaultDecision(harness.client, id, 'reject', 'eng.bob');
      expect(await decideByUpdate(harness.client, id, genuine)).toEqual({
        counted: true,
        reason: 'rejected',
        identity: 'eng.bob',
      });
    });
    expect(refusal).toEqual({
      counted: false,
      reason: expect.stringMatching(/^unknown key/),
      identity: 'oncall:eng.alice',
    });
    expect(result.outcome).toBe('rejected');
    expect(recorder.executions).toEqual([]);
    const history = await harness.client.workflow.getHandle(result.workflowId).fetchHistory();
    const updates = history.events!.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    const outcomes = updates.map((e) =>
      Buffer.from(e.workflowExecutionUpdateCompletedEventAttributes!.outcome!.success!.payloads![0]!.data!).toString(),
    );
    expect(outcomes[0]).toMatch(/"counted":false.*unknown key/);
  });

  it('refuses an approval sent before the diagnosis that names another action', async () => {
    const { result, recorder } = await run({ diagnoseDelayMs: 800 }, async (id) => {
      await signedFaultSignal(harness.client, id, 'approve', 'eng.alice', { action: 'reboot_device' });
      await untilIgnored(id, 1);
      await signedFaultSignal(harness.client, id, 'approve', 'eng.bob');
    });
    expect(result.decision.ignored[0]!.reason).toMatch(
      /signed for reboot_device@.*but this decides reset_bgp_session@/,
    );
    expect(result.decision.approver).toBe('eng.bob');
    expect(recorder.executions).toHaveLength(1);
  });
});

describe('emergencies and vetoes', () => {
  const reboot: FaultStubOptions = { action: 'reboot_device', timeZone: zoneWhereItIs(10) };

  it('defers an emergency from one tier-1 approver; a second approver runs it now', async () => {
    const { result, recorder } = await run(
      reboot,
      async (id, live) => {
        await untilWaiting(id);
        await signedFaultSignal(harness.client, id, 'approve', 'eng.alice', { emergency: true });
        await waitFor(async () => (await pending(id)).deferredUntil ?? undefined, 'deferral');
        expect(live.executions).toEqual([]);
        await signedFaultSignal(harness.client, id, 'approve', 'eng.bob', { emergency: true });
      },
      'memory_high',
    );
    expect(result.timeline.map((e) => e.event)).toContain('deferred');
    expect(result.decision.emergency).toBe(true);
    expect(recorder.executions).toEqual([{ action: 'reboot_device', approvedBy: 'eng.alice', emergency: true }]);
  });

  it('stops a deferred reboot when a roster member rejects it before it runs', async () => {
    const { result, recorder } = await run(
      reboot,
      async (id) => {
        await untilWaiting(id);
        await signedFaultSignal(harness.client, id, 'approve', 'eng.alice');
        await waitFor(async () => (await pending(id)).deferredUntil ?? undefined, 'deferral');
        await signedFaultSignal(harness.client, id, 'reject', 'eng.bob');
      },
      'memory_high',
    );
    expect(result.outcome).toBe('rejected');
    expect(result.timeline.map((e) => e.event)).toEqual(expect.arrayContaining(['approved', 'deferred', 'vetoed']));
    expect(recorder.executions).toEqual([]);
    expect(recorder.decisions).toEqual([{ action: 'fault.veto', actor: 'oncall:eng.bob' }]);
  });
});
