import type { ModelCallRecord } from '../model-call';
import type { Diagnosis } from './alert';

export type FaultOutcome =
  | 'auto_executed'
  | 'approved_executed'
  | 'rejected'
  | 'no_decision_safe_stop'
  | 'not_recovered_escalated'
  | 'no_diagnosis_escalated';

export interface TimelineEntry {
  at: string;
  event: string;
  detail?: string;
}

export interface FaultResult {
  workflowId: string;
  deviceId: string;
  alertCount: number;
  outcome: FaultOutcome;
  diagnosis: Diagnosis | null;
  decision: {
    mode: 'auto' | 'approval' | null;
    reasons: string[];
    approver: string | null;
    approvalReason: string | null;
    emergency: boolean;
    rejectedBy: string | null;
    /** Approvals from people not on the device team's roster: recorded, never acted on. */
    ignored: Array<{ approver: string; reason: string }>;
  };
  executed: boolean;
  recovered: boolean | null;
  /** Detection to verified recovery, when it recovered. */
  mttrMs: number | null;
  timeline: TimelineEntry[];
  modelCalls: ModelCallRecord[];
}
