import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Approval } from '../../domain/fault/alert';

export interface AlertRepeat {
  alertId: string;
  detectedAt: string;
}

export interface PendingApproval {
  waiting: boolean;
  action: string | null;
  deviceId: string;
  /** What the diagnosis said, so the engineer can judge without opening the history. */
  diagnosis: { rootCause: string; confidence: number } | null;
  why: string[];
  /** Engineers whose approval counts: the device team's roster, every tier. */
  approvers: string[];
  pagedTier: number | null;
  deferredUntil: string | null;
  ignored: Array<{ approver: string; reason: string }>;
}

export const alertRepeatedSignal = defineSignal<[AlertRepeat]>('alertRepeated');
/** Signals, not updates: a rejected or off-roster attempt must still appear in history for auditors. */
export const approveSignal = defineSignal<[Approval]>('approve');
export const rejectSignal = defineSignal<[Approval]>('reject');
export const pendingApprovalQuery = defineQuery<PendingApproval>('pendingApproval');
export const faultStatusQuery = defineQuery<{ stage: string; alertCount: number; action: string | null }>('status');
