import type { Alert } from '../../domain/fault/alert';
import type { FaultOutcome } from '../../domain/fault/result';
import { showDetails } from '../audit';
import type { PendingApproval } from './messages';

export interface FaultDetailsInput {
  alert: Alert;
  stage: string;
  alertCount: number;
  pending: PendingApproval;
  approver: string | null;
  emergency: boolean;
  outcome: FaultOutcome | null;
}

/** The fault's state for the Web UI: device, action, who approved it and who is being paged. */
export function publishFaultDetails({
  alert,
  stage,
  alertCount,
  pending,
  approver,
  emergency,
  outcome,
}: FaultDetailsInput) {
  const diagnosis = pending.diagnosis;
  showDetails(`Fault ${alert.alertType} on ${alert.deviceId}: ${(outcome ?? stage).replace(/_/g, ' ')}`, [
    `Alert \`${alert.alertId}\` (${alert.severity})${alertCount > 1 ? `, repeated ${alertCount} times` : ''}`,
    pending.action && `Recommended action \`${pending.action}\`, confidence ${diagnosis?.confidence}`,
    pending.why.length > 0 && `Why: ${pending.why.join('; ')}`,
    pending.waiting && pending.pagedTier !== null && `Waiting for an approval; paged tier ${pending.pagedTier}`,
    approver && `Approved by ${approver}${emergency ? ' (emergency)' : ''}`,
    pending.deferredUntil && `Deferred until ${pending.deferredUntil}`,
    pending.ignored.length > 0 && `Ignored: ${pending.ignored.map((i) => `${i.approver} (${i.reason})`).join(', ')}`,
  ]);
}
