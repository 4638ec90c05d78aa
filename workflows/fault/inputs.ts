import { ApplicationFailure } from '@temporalio/workflow';
import { ErrorTypes } from '../../domain/errors';
import { alertSchema, type Alert } from '../../domain/fault/alert';
import type { DiagnoseFaultArgs } from '../../domain/fault/args';
import { faultPolicySchema, type FaultPolicy } from '../../domain/fault/policy';

/** The alert and policy as the run will use them, or a non-retryable failure that says what was wrong. */
export function parseFaultArgs(args: DiagnoseFaultArgs): { alert: Alert; policy: FaultPolicy } {
  const alert = alertSchema.safeParse(args?.alert);
  const policy = faultPolicySchema.safeParse(args?.policy ?? {});
  if (alert.success && policy.success) return { alert: alert.data, policy: policy.data };
  const message = (alert.error ?? policy.error)!.message;
  throw ApplicationFailure.create({ type: ErrorTypes.InvalidInput, message, nonRetryable: true });
}
