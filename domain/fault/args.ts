import type { Alert } from './alert';
import type { FaultPolicyInput } from './policy';

/** What starts a fault's workflow: the alert, and the policy the client chose for it. */
export interface DiagnoseFaultArgs {
  alert: Alert;
  policy: FaultPolicyInput;
}
