import type { Client } from '@temporalio/client';
import { contentSubject, type SigningKey } from '../../activities/decisions/signing';
import type { DeciderRole, SignedDecision } from '../../domain/decisions';
import { agentDecisionSignal, reviewUpdate } from '../../workflows/ticket/messages';
import { draft, ticketKeyring } from './stub-activities';

export interface ReviewSignOptions {
  /** The text approve and reject name; the stubbed draft unless given. */
  draftText?: string;
  editedReply?: string;
  workflowId?: string;
  runId?: string;
  key?: SigningKey;
  role?: DeciderRole;
  now?: Date;
  lifetimeMs?: number;
}

/** A review decision signed by `agentId`'s registered key for this ticket's run and the stubbed draft (or given text). */
export async function signReview(
  client: Client,
  workflowId: string,
  decision: 'approve' | 'edit' | 'reject',
  agentId: string,
  options: ReviewSignOptions = {},
): Promise<SignedDecision> {
  const runId = options.runId ?? (await client.workflow.getHandle(workflowId).describe()).runId;
  const text = decision === 'edit' ? options.editedReply! : (options.draftText ?? draft().reply);
  return ticketKeyring.sign(
    {
      kind: 'ticket_review',
      workflowId: options.workflowId ?? workflowId,
      runId,
      subject: contentSubject(text),
      decision,
      reason: 'read the draft',
      identity: agentId,
      ...(options.role ? { role: options.role } : {}),
      ...(decision === 'edit' ? { payload: { editedReply: text } } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.lifetimeMs ? { lifetimeMs: options.lifetimeMs } : {}),
    },
    options.key,
  );
}

export async function signalReview(client: Client, workflowId: string, signed: unknown): Promise<void> {
  await client.workflow.getHandle(workflowId).signal(agentDecisionSignal, signed);
}

export const reviewByUpdate = (client: Client, workflowId: string, signed: unknown) =>
  client.workflow.getHandle(workflowId).executeUpdate(reviewUpdate, { args: [signed] });
