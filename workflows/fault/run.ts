import type { CatalogDiagnosis } from '../../activities/fault';
import type { Alert } from '../../domain/fault/alert';
import type { FaultOutcome, FaultResult, TimelineEntry } from '../../domain/fault/result';
import type { ModelCallRecord } from '../../domain/model-call';
import { upsertSearchAttributes } from '@temporalio/workflow';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { auditAttributes } from '../audit';
import { workflowNow } from '../clock';
import { publishFaultDetails } from './details';
import type { FaultDesk } from './desk';
import type { PendingApproval } from './messages';

export interface FaultDecision {
  mode: 'auto' | 'approval' | null;
  reasons: string[];
}

/**
 * What one fault run knows as it goes: its stage, its timeline, what it waits for and who approved. The queries read
 * it, the Web UI's details are published from it, and the result is built from it, so the workflow function holds
 * only the story.
 */
export class FaultRun {
  readonly timeline: TimelineEntry[];
  readonly modelCalls: ModelCallRecord[] = [];
  readonly pending: PendingApproval;
  alertCount = 0;
  stage = 'gathering';
  approver: string | null = null;
  emergency = false;
  outcome: FaultOutcome | null = null;
  diagnosis: CatalogDiagnosis | null = null;

  constructor(
    readonly alert: Alert,
    readonly desk: FaultDesk,
    readonly ids: { workflowId: string; runId: string },
  ) {
    this.timeline = [{ at: alert.detectedAt, event: 'detected', detail: alert.summary }];
    this.pending = {
      waiting: false,
      action: null,
      subject: null,
      runId: ids.runId,
      deviceId: alert.deviceId,
      diagnosis: null,
      why: [],
      approvers: [],
      pagedTier: null,
      deferredUntil: null,
      ignored: desk.ignored,
    };
  }

  mark(event: string, detail?: string): void {
    this.timeline.push({ at: workflowNow().toISOString(), event, detail });
  }

  /** A new stage, or the same one with new facts: either way the Web UI's details follow. */
  setStage(next: string = this.stage): void {
    this.stage = next;
    const { alert, alertCount, pending, approver, emergency, outcome } = this;
    publishFaultDetails({ alert, stage: next, alertCount, pending, approver, emergency, outcome });
  }

  /** An approval that counts: who, and whether as an emergency, on the timeline and the search attributes. */
  approved(approval: { approver: string; reason: string }, emergency: boolean): void {
    this.approver = approval.approver;
    this.emergency = emergency;
    this.mark('approved', `${approval.approver}${emergency ? ' (emergency)' : ''}: ${approval.reason}`);
    upsertSearchAttributes([{ key: sa.Approver, value: approval.approver }]);
    auditAttributes([{ key: sa.Decision, value: 'approved' }]);
  }

  diagnosed(diagnosis: CatalogDiagnosis, action: string, why: string[]): void {
    this.pending.action = action;
    this.pending.diagnosis = { rootCause: diagnosis.rootCause, confidence: diagnosis.confidence };
    this.pending.why = why;
  }

  status() {
    return { stage: this.stage, alertCount: this.alertCount, action: this.diagnosis?.recommendedAction ?? null };
  }

  result(ended: FaultOutcome, decided: FaultDecision): FaultResult {
    const recoveredAt = this.timeline.find((entry) => entry.event === 'recovered')?.at;
    const { desk, alert } = this;
    return {
      workflowId: this.ids.workflowId,
      deviceId: alert.deviceId,
      alertCount: this.alertCount,
      outcome: ended,
      diagnosis: this.diagnosis,
      decision: {
        mode: decided.mode,
        reasons: decided.reasons,
        approver: this.approver,
        approvalReason: desk.decided?.kind === 'approve' ? desk.decided.approval.reason : null,
        emergency: this.emergency,
        rejectedBy: desk.decided?.kind === 'reject' ? desk.decided.approval.approver : null,
        ignored: desk.ignored,
      },
      executed: this.timeline.some((entry) => entry.event === 'executed'),
      recovered: ended === 'rejected' || ended === 'no_decision_safe_stop' ? null : recoveredAt !== undefined,
      mttrMs: recoveredAt ? Date.parse(recoveredAt) - Date.parse(alert.detectedAt) : null,
      timeline: this.timeline,
      modelCalls: this.modelCalls,
    };
  }
}
