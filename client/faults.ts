import type { Client } from '@temporalio/client';
import type { Config } from '../config';
import { alertSchema, approvalSchema, faultWorkflowId, type Alert, type Approval } from '../domain/fault/alert';
import type { FaultPolicyInput } from '../domain/fault/policy';
import type { FaultResult } from '../domain/fault/result';
import { searchAttributes as sa } from '../domain/search-attributes';
import type { diagnoseFault } from '../workflows';
import {
  alertRepeatedSignal,
  approveSignal,
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
            'Destructive actions wait for an on-call engineer: approve or reject with the `approve` or `reject` signal.',
          ].join('\n'),
        },
      );
      return { workflowId };
    },
    async approve(workflowId: string, approval: Approval): Promise<void> {
      await handle(workflowId).signal(approveSignal, validate(approvalSchema, approval, 'approval'));
    },
    async reject(workflowId: string, approval: Approval): Promise<void> {
      await handle(workflowId).signal(rejectSignal, validate(approvalSchema, approval, 'rejection'));
    },
    pendingApproval: (workflowId: string) => handle(workflowId).query(pendingApprovalQuery),
    status: (workflowId: string) => handle(workflowId).query(faultStatusQuery),
    result: (workflowId: string): Promise<FaultResult> => handle(workflowId).result(),
  };
}

export type FaultClient = ReturnType<typeof createFaultClient>;
