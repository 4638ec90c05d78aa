import type { Client } from '@temporalio/client';
import type { Config } from '../config';
import { signedDecisionSchema, type DecisionOutcome, type SignedDecision } from '../domain/decisions';
import { alertSchema, faultWorkflowId, type Alert } from '../domain/fault/alert';
import type { FaultPolicyInput } from '../domain/fault/policy';
import type { FaultResult } from '../domain/fault/result';
import { searchAttributes as sa } from '../domain/search-attributes';
import type { diagnoseFault } from '../workflows';
import {
  alertRepeatedSignal,
  approveSignal,
  decideUpdate,
  faultStatusQuery,
  pendingApprovalQuery,
  rejectSignal,
} from '../workflows/fault/messages';
import { validate } from './validate';

export function faultPolicyFromConfig(config: Config): FaultPolicyInput {
  return {
    reminderIntervalMs: config.FAULT_REMINDER_INTERVAL,
    tierDeadlineMs: config.FAULT_TIER_DEADLINE,
    finalDeadlineMs: config.FAULT_FINAL_DEADLINE,
    settleMs: config.FAULT_SETTLE_TIME,
    modelCallTimeoutMs: config.MODEL_CALL_TIMEOUT,
    emergencyApprovers: config.FAULT_EMERGENCY_APPROVERS,
    emergencyMinTier: config.FAULT_EMERGENCY_MIN_TIER,
  };
}

/** Alerts from monitoring, approvals from on-call engineers. */
export function createFaultClient({
  client,
  taskQueue,
  policy,
}: {
  client: Client;
  taskQueue: string;
  policy: FaultPolicyInput;
}) {
  const handle = (workflowId: string) => client.workflow.getHandle<typeof diagnoseFault>(workflowId);
  return {
    /**
     * Signal-with-start on the alert's fingerprint: the first alert starts the diagnosis, repeats while it runs are
     * counted by the running workflow, and no second diagnosis starts.
     */
    async reportAlert(input: unknown, overrides: FaultPolicyInput = {}): Promise<{ workflowId: string }> {
      const alert: Alert = validate(alertSchema, input, 'alert');
      const workflowId = faultWorkflowId(alert);
      await client.workflow.signalWithStart<typeof diagnoseFault, [{ alertId: string; detectedAt: string }]>(
        'diagnoseFault',
        {
          taskQueue,
          workflowId,
          args: [{ alert, policy: { ...policy, ...overrides } }],
          signal: alertRepeatedSignal,
          signalArgs: [{ alertId: alert.alertId, detectedAt: alert.detectedAt }],
          typedSearchAttributes: [
            { key: sa.UseCase, value: 'fault' },
            { key: sa.AccountRef, value: alert.deviceId },
          ],
          staticSummary: `Fault ${alert.alertType} on ${alert.deviceId}`,
          staticDetails: [
            `**Alert** \`${alert.alertId}\`: ${alert.alertType}, ${alert.severity}`,
            `**Device** \`${alert.deviceId}\``,
            `**Detected** ${alert.detectedAt}`,
            '',
            'Destructive actions wait for an on-call engineer: a **signed** decision, from `switchboard approvals sign` as',
            'the `approve` or `reject` signal, or `switchboard approvals approve|reject` (the `decide` update).',
          ].join('\n'),
        },
      );
      return { workflowId };
    },
    /** Signals: fire and forget, the outcome is in history. Validated here so a malformed one fails fast. */
    async approve(workflowId: string, signed: SignedDecision): Promise<void> {
      await handle(workflowId).signal(approveSignal, validate(signedDecisionSchema, signed, 'signed approval'));
    },
    async reject(workflowId: string, signed: SignedDecision): Promise<void> {
      await handle(workflowId).signal(rejectSignal, validate(signedDecisionSchema, signed, 'signed rejection'));
    },
    /** The update: the caller learns at once whether the decision counted, and why not. */
    decide(workflowId: string, signed: SignedDecision): Promise<DecisionOutcome> {
      return handle(workflowId).executeUpdate(decideUpdate, {
        args: [validate(signedDecisionSchema, signed, 'signed decision')],
      });
    },
    pendingApproval: (workflowId: string) => handle(workflowId).query(pendingApprovalQuery),
    status: (workflowId: string) => handle(workflowId).query(faultStatusQuery),
    result: (workflowId: string): Promise<FaultResult> => handle(workflowId).result(),
  };
}

export type FaultClient = ReturnType<typeof createFaultClient>;
