import { allHandlersFinished, condition, patched } from '@temporalio/workflow';
import type { FaultOutcome, FaultResult } from '../../domain/fault/result';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { auditAttributes, modelAttributes } from '../audit';
import type { Verdict } from './desk';
import { operations } from './proxies';
import type { FaultDecision, FaultRun } from './run';

/**
 * Decisions that end a fault without an action reach the audit trail here; executed actions are recorded by the
 * activity that runs them. Patched: histories from before the audit trail never scheduled this activity.
 */
export async function recordFaultDecision(
  run: FaultRun,
  decided: string,
  actor: string,
  summary: string,
  recommendedAction: string,
): Promise<void> {
  if (!patched('audit-fault-decisions')) return;
  await operations.recordDecision.executeWithOptions({ summary: `Audit: ${summary}` }, [
    { action: decided, actor, details: { recommendedAction, deviceId: run.alert.deviceId } },
  ]);
}

/** The run's last step, whatever the outcome: decisions still being verified are finished and recorded first. */
export async function finishFault(run: FaultRun, ended: FaultOutcome, decided: FaultDecision): Promise<FaultResult> {
  run.desk.close(`the fault ended: ${ended.replace(/_/g, ' ')}`);
  await condition(allHandlersFinished);
  run.outcome = ended;
  run.setStage('completed');
  auditAttributes(modelAttributes(run.modelCalls));
  return run.result(ended, decided);
}

/** A reject, or a veto of an approval that had not run yet: nothing is executed, and the record says who. */
export async function rejectFault(
  run: FaultRun,
  verdict: Verdict,
  action: string,
  decided: FaultDecision,
): Promise<FaultResult> {
  const { desk } = run;
  desk.close(`${verdict.approval.approver} rejected ${action}`);
  const vetoed = desk.vetoedBy === verdict;
  run.mark(vetoed ? 'vetoed' : 'rejected', `${verdict.approval.approver}: ${verdict.approval.reason}`);
  const { approver: rejectedBy } = verdict.approval;
  const what = vetoed ? `approval vetoed by ${rejectedBy}` : `rejected by ${rejectedBy}`;
  await recordFaultDecision(run, vetoed ? 'fault.veto' : 'fault.rejection', `oncall:${rejectedBy}`, what, action);
  auditAttributes([
    { key: sa.Decision, value: vetoed ? 'vetoed' : 'rejected' },
    { key: sa.Approver, value: rejectedBy },
  ]);
  return await finishFault(run, 'rejected', decided);
}
