import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { Activities } from '../../activities';
import type { CatalogDiagnosis } from '../../activities/faults';
import { nonRetryableErrorTypes } from '../../domain/errors';
import { alertSchema, type Alert } from '../../domain/fault/alert';
import { actionCatalog } from '../../domain/fault/catalog';
import { faultPolicySchema, type FaultPolicyInput } from '../../domain/fault/policy';
import type { FaultOutcome, FaultResult, TimelineEntry } from '../../domain/fault/result';
import type { ModelCallRecord } from '../../domain/model-call';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { workflowNow } from '../clock';
import { acceptFaultDecisions, faultSubject } from './decision-handlers';
import { FaultDesk } from './desk';
import { alertRepeatedSignal, faultStatusQuery, pendingApprovalQuery, type PendingApproval } from './messages';
import { decideAction, executionTiming } from './policy';
import { auditAttributes, duration, modelAttributes } from '../audit';
import { unusableModelAnswer } from '../model-failures';
import { modelCallOptions } from '../model-retry';
import { publishFaultDetails } from './details';

const retry: RetryPolicy = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  nonRetryableErrorTypes,
};
const backend = proxyActivities<Activities>({ startToCloseTimeout: '20s', retry: { ...retry, maximumAttempts: 10 } });
// Paging and acting must not be lost: keep retrying; idempotency keys make repeats harmless.
const operations = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry });

export interface DiagnoseFaultArgs {
  alert: Alert;
  policy: FaultPolicyInput;
}

export async function diagnoseFault(args: DiagnoseFaultArgs): Promise<FaultResult> {
  const alertResult = alertSchema.safeParse(args?.alert);
  const policyResult = faultPolicySchema.safeParse(args?.policy ?? {});
  if (!alertResult.success || !policyResult.success) {
    const message = (alertResult.error ?? policyResult.error)!.message;
    throw ApplicationFailure.create({ type: 'InvalidInput', message, nonRetryable: true });
  }
  const alert = alertResult.data;
  const policy = policyResult.data;
  const model = proxyActivities<Activities>(modelCallOptions(policy.modelCallTimeoutMs));
  // Decisions that end a fault without an action reach the audit trail here; executed actions are recorded by the
  // activity that runs them. Patched: histories from before the audit trail never scheduled this activity.
  const recordDecision = async (decision: string, actor: string, summary: string, recommendedAction: string) => {
    if (!patched('audit-fault-decisions')) return;
    await operations.recordDecision.executeWithOptions({ summary: `Audit: ${summary}` }, [
      { action: decision, actor, details: { recommendedAction, deviceId: alert.deviceId } },
    ]);
  };
  const { workflowId, runId } = workflowInfo();
  const now = workflowNow;
  const timeline: TimelineEntry[] = [{ at: alert.detectedAt, event: 'detected', detail: alert.summary }];
  const mark = (event: string, detail?: string) => timeline.push({ at: now().toISOString(), event, detail });
  const modelCalls: ModelCallRecord[] = [];
  const desk = new FaultDesk(policy);
  let alertCount = 0;
  let roster: Array<{ tier: number; engineers: string[] }> = [];
  let approver: string | null = null;
  let emergency = false;
  let stage = 'gathering';
  let outcome: FaultOutcome | null = null;
  let diagnosis: CatalogDiagnosis | null = null;
  const pending: PendingApproval = {
    waiting: false,
    action: null,
    subject: null,
    runId,
    deviceId: alert.deviceId,
    diagnosis: null,
    why: [],
    approvers: [],
    pagedTier: null,
    deferredUntil: null,
    ignored: desk.ignored,
  };

  // Registered before the first await: repeats and approvals sent early are kept, not lost.
  setHandler(alertRepeatedSignal, () => void (alertCount += 1));
  acceptFaultDecisions(desk, { workflowId, runId });
  setHandler(pendingApprovalQuery, () => pending);
  setHandler(faultStatusQuery, () => ({ stage, alertCount, action: diagnosis?.recommendedAction ?? null }));
  upsertSearchAttributes([
    { key: sa.UseCase, value: 'fault' },
    { key: sa.AccountRef, value: alert.deviceId },
  ]);
  const setStage = (next: string) => {
    stage = next;
    publishFaultDetails({ alert, stage, alertCount, pending, approver, emergency, outcome });
  };
  setStage('gathering');

  const telemetry = await backend.gatherTelemetry.executeWithOptions(
    { summary: `Gather telemetry from ${alert.deviceId}` },
    [{ alert }],
  );
  mark('telemetry gathered', `${telemetry.syslogLines} syslog lines, ${telemetry.bytes} bytes`);

  setStage('diagnosing');
  try {
    const diagnosed = await model.diagnoseFault.executeWithOptions(
      { summary: `Diagnose ${alert.alertType} on ${alert.deviceId} from the telemetry bundle` },
      [{ bundleRef: telemetry.bundleRef }],
    );
    diagnosis = diagnosed.diagnosis;
    modelCalls.push(diagnosed.call);
  } catch (error) {
    const reason = unusableModelAnswer(error);
    if (!reason) throw error;
    await pageTier(0, 'escalation', reason);
    return await finish('no_diagnosis_escalated', { mode: null, reasons: [reason] });
  }
  const found: CatalogDiagnosis = diagnosis;
  const action = actionCatalog[found.recommendedAction];
  mark('diagnosed', `${found.rootCause} -> ${action.type} (confidence ${found.confidence})`);
  const decision = decideAction(action, found.confidence, now(), telemetry.timeZone, policy);
  upsertSearchAttributes([{ key: sa.Decision, value: decision.mode }]);
  pending.action = action.type;
  pending.diagnosis = { rootCause: found.rootCause, confidence: found.confidence };
  pending.why = decision.reasons;
  // Intent: the action the workflow means to take, so "approved actions" queries can show which one.
  auditAttributes([
    { key: sa.Intent, value: action.type },
    { key: sa.Confidence, value: found.confidence },
  ]);

  if (decision.mode === 'approval') {
    setStage('awaiting_approval');
    roster = await loadRoster();
    desk.open(faultSubject(action.type, alert.deviceId), roster);
    pending.subject = desk.subject;
    pending.approvers = [...new Set(roster.flatMap((tier) => tier.engineers))];
    const verdict = await awaitVerdict();
    pending.waiting = false;
    if (!verdict) {
      desk.close('no decision before the final deadline: nothing was done');
      auditAttributes([{ key: sa.Decision, value: 'expired' }]);
      await recordDecision('fault.safe_stop', 'system:switchboard', 'no decision: nothing was done', action.type);
      await pageTier(roster.length - 1, 'safe_stop', `No decision on ${action.type}: nothing was done.`);
      return await finish('no_decision_safe_stop', decision);
    }
    if (verdict.kind === 'reject' || desk.vetoedBy) return await rejected(desk.vetoedBy ?? verdict);
    approver = verdict.approval.approver;
    emergency = desk.emergencyAllowed;
    mark('approved', `${approver}${emergency ? ' (emergency)' : ''}: ${verdict.approval.reason}`);
    upsertSearchAttributes([{ key: sa.Approver, value: approver }]);
    auditAttributes([{ key: sa.Decision, value: 'approved' }]);

    const timing = executionTiming(action, emergency, now(), telemetry.timeZone, policy);
    if (timing.when === 'deferred') {
      pending.deferredUntil = new Date(now().getTime() + timing.delayMs).toISOString();
      desk.defer();
      setStage('deferred');
      mark('deferred', timing.reason);
      // Enough emergency approvals from the roster cut the wait short; a roster member's reject vetoes the approval.
      await condition(() => desk.emergencyAllowed || desk.vetoedBy !== null, timing.delayMs, {
        summary: `Wait ${duration(timing.delayMs)} for the maintenance window to run ${action.type}`,
      });
      if (desk.vetoedBy) return await rejected(desk.vetoedBy);
      emergency = desk.emergencyAllowed;
    }
  }

  desk.close(`${action.type} had started`);
  setStage('executing');
  const by = approver ? `approved by ${approver}${emergency ? ', emergency' : ''}` : 'automatic';
  await operations.executeAction.executeWithOptions({ summary: `Run ${action.type} on ${alert.deviceId} (${by})` }, [
    { action: action.type, deviceId: alert.deviceId, approvedBy: approver, emergency },
  ]);
  mark('executed', action.type);
  setStage('verifying');
  if (policy.settleMs) {
    await sleep(policy.settleMs, { summary: `Let ${alert.deviceId} settle before checking recovery` });
  }
  const recovery = await backend.verifyRecovery.executeWithOptions(
    { summary: `Check that ${alert.alertType} cleared on ${alert.deviceId}` },
    [{ deviceId: alert.deviceId, alertType: alert.alertType }],
  );
  if (!recovery.recovered) {
    const note = `${recovery.metric} is ${recovery.value} against ${recovery.threshold} after ${action.type}. Diagnosis: ${found.rootCause}. ${found.escalationNote}`;
    mark('not recovered', note);
    if (!roster.length) roster = await loadRoster();
    await pageTier(0, 'failed_verification', note);
    return await finish('not_recovered_escalated', decision);
  }
  mark('recovered', `${recovery.metric} ${recovery.value}`);
  return await finish(decision.mode === 'auto' ? 'auto_executed' : 'approved_executed', decision);

  /** A reject, or a veto of an approval that had not run yet: nothing is executed, and the record says who. */
  async function rejected(verdict: NonNullable<FaultDesk['decided']>) {
    desk.close(`${verdict.approval.approver} rejected ${action.type}`);
    const vetoed = desk.vetoedBy === verdict;
    mark(vetoed ? 'vetoed' : 'rejected', `${verdict.approval.approver}: ${verdict.approval.reason}`);
    const { approver: rejectedBy } = verdict.approval;
    const what = vetoed ? `approval vetoed by ${rejectedBy}` : `rejected by ${rejectedBy}`;
    await recordDecision(vetoed ? 'fault.veto' : 'fault.rejection', `oncall:${rejectedBy}`, what, action.type);
    auditAttributes([
      { key: sa.Decision, value: vetoed ? 'vetoed' : 'rejected' },
      { key: sa.Approver, value: rejectedBy },
    ]);
    return await finish('rejected', decision);
  }

  /** Pages, reminds and climbs the roster until someone on it decides, or the final deadline passes. */
  async function awaitVerdict() {
    const started = now().getTime();
    let tier = 0;
    let tierStarted = started;
    await pageTier(tier, 'approval_request', approvalMessage());
    pending.waiting = true;
    setStage(stage);
    for (let round = 1; ; round += 1) {
      const elapsed = now().getTime() - started;
      const untilFinal = policy.finalDeadlineMs - elapsed;
      const untilTier = policy.tierDeadlineMs - (now().getTime() - tierStarted);
      const wait = Math.max(1, Math.min(policy.reminderIntervalMs, untilFinal, untilTier));
      const summary = `Wait ${duration(wait)} for a decision on ${pending.action} (tier ${roster[tier]?.tier ?? tier})`;
      if (await condition(() => desk.decided !== null, wait, { summary })) return desk.decided;
      if (now().getTime() - started >= policy.finalDeadlineMs) return null;
      if (now().getTime() - tierStarted >= policy.tierDeadlineMs && tier < roster.length - 1) {
        tier += 1;
        tierStarted = now().getTime();
        await pageTier(tier, 'escalation', `Escalated: no decision from tier ${tier}. ${approvalMessage()}`);
      } else {
        await pageTier(tier, 'reminder', `Reminder ${round}: ${approvalMessage()}`, round);
      }
    }
  }

  function approvalMessage(): string {
    return `${alert.deviceId}: ${diagnosis?.rootCause} Recommended ${pending.action}. Decide: switchboard approvals approve|reject ${workflowId} --reason "<why>" (signed with your key)`;
  }

  async function pageTier(
    index: number,
    kind: 'approval_request' | 'reminder' | 'escalation' | 'failed_verification' | 'safe_stop',
    message: string,
    round = 0,
  ) {
    if (!roster.length) roster = await loadRoster();
    const target = roster[Math.min(index, roster.length - 1)]!;
    pending.pagedTier = target.tier;
    await operations.pageOnCall.executeWithOptions(
      { summary: `Page ${telemetry.team} tier ${target.tier}: ${kind.replace(/_/g, ' ')}${round ? ` ${round}` : ''}` },
      [
        {
          // The run id too: a fault's workflow id recurs when the same fault comes back after this one closed.
          idempotencyKey: `${workflowId}:${runId}:${kind}:${target.tier}:${round}`,
          team: telemetry.team,
          tier: target.tier,
          engineerIds: target.engineers,
          deviceId: alert.deviceId,
          kind,
          message,
        },
      ],
    );
    mark(`paged tier ${target.tier}`, kind);
    setStage(stage);
  }

  async function loadRoster() {
    const summary = `Load the ${telemetry.team} on-call roster`;
    return (await backend.loadOnCallRoster.executeWithOptions({ summary }, [{ team: telemetry.team }])).tiers;
  }

  async function finish(
    ended: FaultOutcome,
    decided: { mode: 'auto' | 'approval' | null; reasons: string[] },
  ): Promise<FaultResult> {
    desk.close(`the fault ended: ${ended.replace(/_/g, ' ')}`);
    // Decisions still being verified are finished and recorded before the run closes.
    await condition(allHandlersFinished);
    outcome = ended;
    setStage('completed');
    auditAttributes(modelAttributes(modelCalls));
    const recoveredAt = timeline.find((entry) => entry.event === 'recovered')?.at;
    return {
      workflowId,
      deviceId: alert.deviceId,
      alertCount,
      outcome: ended,
      diagnosis,
      decision: {
        mode: decided.mode,
        reasons: decided.reasons,
        approver,
        approvalReason: desk.decided?.kind === 'approve' ? desk.decided.approval.reason : null,
        emergency,
        rejectedBy: desk.decided?.kind === 'reject' ? desk.decided.approval.approver : null,
        ignored: desk.ignored,
      },
      executed: timeline.some((entry) => entry.event === 'executed'),
      recovered: ended === 'rejected' || ended === 'no_decision_safe_stop' ? null : recoveredAt !== undefined,
      mttrMs: recoveredAt ? Date.parse(recoveredAt) - Date.parse(alert.detectedAt) : null,
      timeline,
      modelCalls,
    };
  }
}
