import {
  condition,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { DiagnoseFaultArgs } from '../../domain/fault/args';
import { actionCatalog } from '../../domain/fault/catalog';
import type { FaultResult } from '../../domain/fault/result';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { auditAttributes, duration } from '../audit';
import { workflowNow as now } from '../clock';
import { unusableModelAnswer } from '../model-failures';
import { modelCallOptions } from '../model-retry';
import { acceptFaultDecisions, faultSubject } from './decision-handlers';
import { FaultDesk } from './desk';
import { finishFault, recordFaultDecision, rejectFault } from './endings';
import { parseFaultArgs } from './inputs';
import { alertRepeatedSignal, faultStatusQuery, pendingApprovalQuery } from './messages';
import { OnCall } from './on-call';
import { decideAction, executionTiming } from './policy';
import { backend, operations } from './proxies';
import { FaultRun } from './run';

export type { DiagnoseFaultArgs } from '../../domain/fault/args';

/** Gather, diagnose, decide; a destructive action waits for a signed approval from the roster, in its window. */
export async function diagnoseFault(args: DiagnoseFaultArgs): Promise<FaultResult> {
  const { alert, policy } = parseFaultArgs(args);
  const model = proxyActivities<Activities>(modelCallOptions(policy.modelCallTimeoutMs));
  const { workflowId, runId } = workflowInfo();
  const desk = new FaultDesk(policy);
  const run = new FaultRun(alert, desk, { workflowId, runId });

  // Registered before the first await: repeats and approvals sent early are kept, not lost.
  setHandler(alertRepeatedSignal, () => void (run.alertCount += 1));
  acceptFaultDecisions(desk, { workflowId, runId });
  setHandler(pendingApprovalQuery, () => run.pending);
  setHandler(faultStatusQuery, () => run.status());
  upsertSearchAttributes([
    { key: sa.UseCase, value: 'fault' },
    { key: sa.AccountRef, value: alert.deviceId },
  ]);
  run.setStage('gathering');

  const telemetry = await backend.gatherTelemetry.executeWithOptions(
    { summary: `Gather telemetry from ${alert.deviceId}` },
    [{ alert }],
  );
  run.mark('telemetry gathered', `${telemetry.syslogLines} syslog lines, ${telemetry.bytes} bytes`);
  const onCall = new OnCall(run, telemetry.team, policy);

  run.setStage('diagnosing');
  try {
    // Patched: faults started before the activity was renamed scheduled it as `diagnoseFault`.
    const diagnose = patched('diagnose-telemetry-activity') ? model.diagnoseTelemetry : model.diagnoseFault;
    const diagnosed = await diagnose.executeWithOptions(
      { summary: `Diagnose ${alert.alertType} on ${alert.deviceId} from the telemetry bundle` },
      [{ bundleRef: telemetry.bundleRef }],
    );
    run.diagnosis = diagnosed.diagnosis;
    run.modelCalls.push(diagnosed.call);
  } catch (error) {
    const reason = unusableModelAnswer(error);
    if (!reason) throw error;
    await onCall.page(0, 'escalation', reason);
    return await finishFault(run, 'no_diagnosis_escalated', { mode: null, reasons: [reason] });
  }
  const found = run.diagnosis!;
  const action = actionCatalog[found.recommendedAction];
  run.mark('diagnosed', `${found.rootCause} -> ${action.type} (confidence ${found.confidence})`);
  const decision = decideAction(action, found.confidence, now(), telemetry.timeZone, policy);
  upsertSearchAttributes([{ key: sa.Decision, value: decision.mode }]);
  run.diagnosed(found, action.type, decision.reasons);
  // Intent: the action the workflow means to take, so "approved actions" queries can show which one.
  auditAttributes([
    { key: sa.Intent, value: action.type },
    { key: sa.Confidence, value: found.confidence },
  ]);

  if (decision.mode === 'approval') {
    run.setStage('awaiting_approval');
    const roster = await onCall.loadRoster();
    desk.open(faultSubject(action.type, alert.deviceId), roster);
    run.pending.subject = desk.subject;
    run.pending.approvers = [...new Set(roster.flatMap((tier) => tier.engineers))];
    const verdict = await onCall.awaitVerdict();
    run.pending.waiting = false;
    if (!verdict) {
      desk.close('no decision before the final deadline: nothing was done');
      auditAttributes([{ key: sa.Decision, value: 'expired' }]);
      await recordFaultDecision(
        run,
        'fault.safe_stop',
        'system:switchboard',
        'no decision: nothing was done',
        action.type,
      );
      await onCall.page(roster.length - 1, 'safe_stop', `No decision on ${action.type}: nothing was done.`);
      return await finishFault(run, 'no_decision_safe_stop', decision);
    }
    if (verdict.kind === 'reject' || desk.vetoedBy)
      return await rejectFault(run, desk.vetoedBy ?? verdict, action.type, decision);
    run.approved(verdict.approval, desk.emergencyAllowed);

    const timing = executionTiming(action, run.emergency, now(), telemetry.timeZone, policy);
    if (timing.when === 'deferred') {
      run.pending.deferredUntil = new Date(now().getTime() + timing.delayMs).toISOString();
      desk.defer();
      run.setStage('deferred');
      run.mark('deferred', timing.reason);
      // Enough emergency approvals from the roster cut the wait short; a roster member's reject vetoes the approval.
      await condition(() => desk.emergencyAllowed || desk.vetoedBy !== null, timing.delayMs, {
        summary: `Wait ${duration(timing.delayMs)} for the maintenance window to run ${action.type}`,
      });
      if (desk.vetoedBy) return await rejectFault(run, desk.vetoedBy, action.type, decision);
      run.emergency = desk.emergencyAllowed;
    }
  }

  desk.close(`${action.type} had started`);
  run.setStage('executing');
  const by = run.approver ? `approved by ${run.approver}${run.emergency ? ', emergency' : ''}` : 'automatic';
  await operations.executeAction.executeWithOptions({ summary: `Run ${action.type} on ${alert.deviceId} (${by})` }, [
    { action: action.type, deviceId: alert.deviceId, approvedBy: run.approver, emergency: run.emergency },
  ]);
  run.mark('executed', action.type);
  run.setStage('verifying');
  if (policy.settleMs) {
    await sleep(policy.settleMs, { summary: `Let ${alert.deviceId} settle before checking recovery` });
  }
  const recovery = await backend.verifyRecovery.executeWithOptions(
    { summary: `Check that ${alert.alertType} cleared on ${alert.deviceId}` },
    [{ deviceId: alert.deviceId, alertType: alert.alertType }],
  );
  if (!recovery.recovered) {
    const note = `${recovery.metric} is ${recovery.value} against ${recovery.threshold} after ${action.type}. Diagnosis: ${found.rootCause}. ${found.escalationNote}`;
    run.mark('not recovered', note);
    await onCall.page(0, 'failed_verification', note);
    return await finishFault(run, 'not_recovered_escalated', decision);
  }
  run.mark('recovered', `${recovery.metric} ${recovery.value}`);
  return await finishFault(run, decision.mode === 'auto' ? 'auto_executed' : 'approved_executed', decision);
}
