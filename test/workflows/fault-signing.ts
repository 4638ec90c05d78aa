import type { Client } from '@temporalio/client';
import { faultSubject } from '../../domain/decisions';
import { approveSignal, decideUpdate, pendingApprovalQuery, rejectSignal } from '../../workflows/fault/messages';
import type { SigningKey } from '../../activities/decisions/signing';
import { faultKeyring } from './fault-stubs';

export interface SignOptions {
  emergency?: boolean;
  action?: string;
  workflowId?: string;
  runId?: string;
  key?: SigningKey;
  now?: Date;
  lifetimeMs?: number;
}

/** `fault-RTR-T1A2B-bgp_flapping` → `RTR-T1A2B`. */
export const deviceOf = (workflowId: string) => workflowId.replace(/^fault-/, '').replace(/-[a-z_]+$/, '');

/** A decision signed by `approver`'s registered key for this fault's run and its recommended (or given) action. */
export async function signFaultDecision(
  client: Client,
  id: string,
  kind: 'approve' | 'reject',
  approver: string,
  options: SignOptions = {},
) {
  const handle = client.workflow.getHandle(id);
  const runId = options.runId ?? (await handle.describe()).runId;
  // As a signer would: the subject the run waits on, or before the diagnosis the action expected.
  const waitingOn = options.action ? null : (await handle.query(pendingApprovalQuery)).subject;
  return faultKeyring.sign(
    {
      kind: 'fault',
      workflowId: options.workflowId ?? id,
      runId,
      subject: waitingOn ?? faultSubject(options.action ?? defaultAction(id), deviceOf(id)),
      decision: kind,
      emergency: options.emergency ?? false,
      reason: 'checked the peer',
      identity: approver,
      ...(options.now ? { now: options.now } : {}),
      ...(options.lifetimeMs ? { lifetimeMs: options.lifetimeMs } : {}),
    },
    options.key,
  );
}

const defaultAction = (id: string) => (id.endsWith('-memory_high') ? 'reboot_device' : 'reset_bgp_session');

export async function signedFaultSignal(
  client: Client,
  id: string,
  kind: 'approve' | 'reject',
  approver: string,
  options: SignOptions = {},
) {
  const signed = await signFaultDecision(client, id, kind, approver, options);
  await client.workflow.getHandle(id).signal(kind === 'approve' ? approveSignal : rejectSignal, signed);
  return signed;
}

export const decideByUpdate = (client: Client, id: string, signed: unknown) =>
  client.workflow.getHandle(id).executeUpdate(decideUpdate, { args: [signed] });
