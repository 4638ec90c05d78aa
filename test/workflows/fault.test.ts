import { randomUUID } from 'node:crypto';
import type { Alert } from '../../domain/fault/alert';
import type { FaultPolicyInput } from '../../domain/fault/policy';
import type { FaultResult } from '../../domain/fault/result';
import { alertRepeatedSignal, pendingApprovalQuery } from '../../workflows/fault/messages';
import { temporalHarnessForFile, waitFor } from '../support/temporal';
import { faultPolicy, faultStubs, zoneWhereItIs, type FaultRecorder, type FaultStubOptions } from './fault-stubs';
import { signedFaultSignal } from './fault-signing';
import { searchAttributes as sa } from '../../domain/search-attributes';

const harness = temporalHarnessForFile();

const alert = (): Alert => ({
  alertId: `A-${randomUUID().slice(0, 6)}`,
  deviceId: `RTR-T${randomUUID().slice(0, 4).toUpperCase()}`,
  alertType: 'bgp_flapping',
  summary: 'BGP flapping with PEER-GLOBAL-04',
  severity: 'major',
  detectedAt: new Date(Date.now() - 60_000).toISOString(),
});

async function run(
  stubs: FaultStubOptions,
  interact: (id: string, recorder: FaultRecorder) => Promise<void> = async () => {},
  overrides: FaultPolicyInput = {},
) {
  const { activities, recorder } = faultStubs(stubs);
  const worker = await harness.worker(activities);
  const input = alert();
  const workflowId = `fault-${input.deviceId}-${input.alertType}`;
  const result = await worker.runUntil(async () => {
    const handle = await harness.client.workflow.signalWithStart('diagnoseFault', {
      taskQueue: harness.taskQueue,
      workflowId,
      args: [{ alert: input, policy: { ...faultPolicy, ...overrides } }],
      signal: alertRepeatedSignal,
      signalArgs: [{ alertId: input.alertId, detectedAt: input.detectedAt }],
    });
    await interact(handle.workflowId, recorder);
    return (await handle.result()) as FaultResult;
  });
  return { result, recorder };
}

const pending = (id: string) => harness.client.workflow.getHandle(id).query(pendingApprovalQuery);
const untilWaiting = (id: string) =>
  waitFor(async () => ((await pending(id)).waiting ? true : undefined), 'approval wait');
const signal = async (id: string, kind: 'approve' | 'reject', approver: string, emergency?: boolean) =>
  void (await signedFaultSignal(harness.client, id, kind, approver, { emergency }));

describe('diagnoseFault decisions', () => {
  it('runs a confident non-destructive action by itself, with no approval wait', async () => {
    const { result, recorder } = await run({ action: 'drain_traffic', confidence: 85 });
    expect(result.outcome).toBe('auto_executed');
    expect(recorder.executions).toEqual([{ action: 'drain_traffic', approvedBy: null, emergency: false }]);
    expect(recorder.pages).toEqual([]);
    expect(result.mttrMs).toBeGreaterThan(0);
    expect(result.timeline.map((entry) => entry.event)).toEqual([
      'detected',
      'telemetry gathered',
      'diagnosed',
      'executed',
      'recovered',
    ]);
  });

  it('asks for approval of a non-destructive action below the confidence bar', async () => {
    const { result } = await run({ action: 'drain_traffic', confidence: 70 }, async (id) => {
      await untilWaiting(id);
      await signal(id, 'approve', 'eng.alice');
    });
    expect(result.outcome).toBe('approved_executed');
    expect(result.decision.reasons.join(' ')).toMatch(/confidence 70 is below 80/);
  });

  it('executes a destructive action exactly once after a roster approval', async () => {
    const { result, recorder } = await run({}, async (id) => {
      await untilWaiting(id);
      const waiting = await pending(id);
      expect(waiting.action).toBe('reset_bgp_session');
      expect(waiting.approvers).toEqual(expect.arrayContaining(['eng.alice', 'eng.carol', 'mgr.dana']));
      expect(waiting.why.join(' ')).toMatch(/destructive/);
      await signal(id, 'approve', 'eng.alice');
    });
    expect(result.outcome).toBe('approved_executed');
    expect(recorder.executions).toEqual([{ action: 'reset_bgp_session', approvedBy: 'eng.alice', emergency: false }]);
    expect(recorder.pages.map((page) => page.kind)).toEqual(['approval_request']);
    expect(recorder.pages[0]!.message).toMatch(/switchboard approvals approve\|reject fault-\S+ --reason/);
    expect(result.decision.approver).toBe('eng.alice');
  });

  it('records and ignores an approval from someone off the roster, and keeps waiting', async () => {
    const { result, recorder } = await run({}, async (id, live) => {
      await untilWaiting(id);
      await signal(id, 'approve', 'eng.mallory');
      await waitFor(async () => ((await pending(id)).ignored.length ? true : undefined), 'ignored approval');
      const waiting = await pending(id);
      expect(waiting.waiting).toBe(true);
      expect(waiting.ignored).toEqual([{ approver: 'eng.mallory', reason: 'not on the on-call roster for this team' }]);
      expect(live.executions).toEqual([]);
      await signal(id, 'approve', 'eng.carol');
    });
    expect(result.decision.ignored.map((i) => i.approver)).toEqual(['eng.mallory']);
    expect(result.decision.approver).toBe('eng.carol');
    expect(recorder.executions).toHaveLength(1);
  });

  it('never executes a rejected action', async () => {
    const { result, recorder } = await run({}, async (id) => {
      await untilWaiting(id);
      await signal(id, 'reject', 'eng.bob');
    });
    expect(result.outcome).toBe('rejected');
    expect(result.decision.rejectedBy).toBe('eng.bob');
    expect(recorder.executions).toEqual([]);
    const attributes = (await harness.client.workflow.getHandle(result.workflowId).describe()).typedSearchAttributes;
    expect([attributes.get(sa.Decision), attributes.get(sa.Approver)]).toEqual(['rejected', 'eng.bob']);
    expect(recorder.decisions).toEqual([{ action: 'fault.rejection', actor: 'oncall:eng.bob' }]);
  });

  it('reminds, escalates through the tiers, then stops safely when nobody answers', async () => {
    const { result, recorder } = await run({}, undefined, {
      // Seconds apart: the dev server's timers can fire a few hundred milliseconds late.
      reminderIntervalMs: 1_000,
      tierDeadlineMs: 2_500,
      finalDeadlineMs: 7_000,
    });
    expect(result.outcome).toBe('no_decision_safe_stop');
    expect(recorder.executions).toEqual([]);
    const kinds = recorder.pages.map((page) => page.kind);
    expect(kinds[0]).toBe('approval_request');
    expect(kinds).toContain('reminder');
    expect(kinds.indexOf('escalation')).toBeGreaterThan(kinds.indexOf('reminder'));
    expect(kinds[kinds.length - 1]).toBe('safe_stop');
    const attributes = (await harness.client.workflow.getHandle(result.workflowId).describe()).typedSearchAttributes;
    expect(attributes.get(sa.Decision)).toBe('expired');
    expect(recorder.decisions).toEqual([{ action: 'fault.safe_stop', actor: 'system:switchboard' }]);
    expect(recorder.pages.filter((page) => page.kind === 'escalation').map((page) => page.tier)).toEqual([2, 3]);
  });

  it('keeps an approval sent before the workflow starts waiting', async () => {
    const { result, recorder } = await run({ diagnoseDelayMs: 800 }, async (id) => signal(id, 'approve', 'eng.alice'));
    expect(result.decision.approver).toBe('eng.alice');
    expect(result.outcome).toBe('approved_executed');
    expect(recorder.executions).toHaveLength(1);
  });

  it('escalates with the full diagnosis when the metric does not recover', async () => {
    const { result, recorder } = await run({ action: 'drain_traffic', recovered: false });
    expect(result.outcome).toBe('not_recovered_escalated');
    const page = recorder.pages.find((p) => p.kind === 'failed_verification');
    expect(page?.message).toMatch(/BGP version mismatch.*Contact the peer NOC/);
    expect(result.mttrMs).toBeNull();
  });

  it('escalates, and acts on nothing, when the model names an action outside the catalog', async () => {
    const { result, recorder } = await run({ diagnoseInvalid: true });
    expect(result.outcome).toBe('no_diagnosis_escalated');
    expect(recorder.executions).toEqual([]);
    expect(recorder.pages.map((p) => p.kind)).toEqual(['escalation']);
  });

  it('still asks for approval when the model claims a destructive action is safe', async () => {
    const { result } = await run(
      { confidence: 99, extra: { destructive: false, safe: true, requiresApproval: false } },
      async (id, recorder) => {
        await untilWaiting(id);
        expect(recorder.executions).toEqual([]);
        await signal(id, 'approve', 'eng.alice');
      },
    );
    expect(result.decision.mode).toBe('approval');
  });
});

describe('business hours and repeats', () => {
  it('defers a reboot approved at 10:00 site time to the maintenance window', async () => {
    const timeZone = zoneWhereItIs(10);
    const { activities, recorder } = faultStubs({ action: 'reboot_device', timeZone });
    const worker = await harness.worker(activities);
    const input = { ...alert(), alertType: 'memory_high' as const };
    const workflowId = `fault-${input.deviceId}-memory_high`;
    await worker.runUntil(async () => {
      const handle = await harness.client.workflow.start('diagnoseFault', {
        taskQueue: harness.taskQueue,
        workflowId,
        args: [{ alert: input, policy: faultPolicy }],
      });
      await untilWaiting(workflowId);
      expect((await pending(workflowId)).why.join(' ')).toMatch(/not allowed between 8:00 and 18:00/);
      const approvedAt = Date.now();
      await signal(workflowId, 'approve', 'eng.alice');
      const deferred = await waitFor(async () => (await pending(workflowId)).deferredUntil ?? undefined, 'deferral');
      // 22:00 site time is 11 to 12 hours after 10:xx.
      const delay = Date.parse(deferred) - approvedAt;
      expect(delay).toBeGreaterThan(10 * 3_600_000);
      expect(delay).toBeLessThan(12.1 * 3_600_000);
      expect(recorder.executions).toEqual([]);
      // An emergency declared by someone on the roster cuts the wait short.
      await signal(workflowId, 'approve', 'eng.carol', true);
      const result = (await handle.result()) as FaultResult;
      expect(result.decision.emergency).toBe(true);
      expect(recorder.executions).toEqual([{ action: 'reboot_device', approvedBy: 'eng.alice', emergency: true }]);
    });
  });

  it('runs the same reboot now when a tier-2 approval carries the emergency flag', async () => {
    const { result, recorder } = await run({ action: 'reboot_device', timeZone: zoneWhereItIs(10) }, async (id) => {
      await untilWaiting(id);
      await signal(id, 'approve', 'eng.carol', true);
    });
    expect(result.outcome).toBe('approved_executed');
    expect(result.timeline.map((e) => e.event)).not.toContain('deferred');
    expect(recorder.executions).toEqual([{ action: 'reboot_device', approvedBy: 'eng.carol', emergency: true }]);
  });

  it('runs an approved reboot at once outside business hours', async () => {
    const { result } = await run({ action: 'reboot_device', timeZone: zoneWhereItIs(2) }, async (id) => {
      await untilWaiting(id);
      await signal(id, 'approve', 'eng.alice');
    });
    expect(result.timeline.map((e) => e.event)).not.toContain('deferred');
    expect(result.executed).toBe(true);
  });

  it('counts a repeated alert in the running workflow instead of starting another', async () => {
    const { result } = await run({}, async (id) => {
      await untilWaiting(id);
      const repeat = alert();
      const [deviceId, alertType] = [id.replace(/^fault-|-bgp_flapping$/g, ''), 'bgp_flapping' as const];
      const again = await harness.client.workflow.signalWithStart('diagnoseFault', {
        taskQueue: harness.taskQueue,
        workflowId: id,
        args: [{ alert: { ...repeat, deviceId, alertType }, policy: faultPolicy }],
        signal: alertRepeatedSignal,
        signalArgs: [{ alertId: repeat.alertId, detectedAt: repeat.detectedAt }],
      });
      expect(again.signaledRunId).toBe((await harness.client.workflow.getHandle(id).describe()).runId);
      await signal(id, 'approve', 'eng.alice');
    });
    expect(result.alertCount).toBe(2);
  });
});
