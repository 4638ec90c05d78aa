import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DecisionOutcome } from '../../domain/decisions';

export interface AlertRepeat {
  alertId: string;
  detectedAt: string;
}

export interface PendingApproval {
  waiting: boolean;
  action: string | null;
  /** What a signed decision must name (`action@device`) and the run it is for: all a signer needs. */
  subject: string | null;
  runId: string;
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
/**
 * A signed decision (domain/decisions.ts), as a signal or as the update. Either way the verification, and a refusal's
 * reason, is in history for auditors. Signals take `unknown`: what arrives is checked, never trusted.
 */
export const approveSignal = defineSignal<[unknown]>('approve');
export const rejectSignal = defineSignal<[unknown]>('reject');
export const decideUpdate = defineUpdate<DecisionOutcome, [unknown]>('decide');
export const pendingApprovalQuery = defineQuery<PendingApproval>('pendingApproval');
export const faultStatusQuery = defineQuery<{ stage: string; alertCount: number; action: string | null }>('status');
