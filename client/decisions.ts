import { randomBytes } from 'node:crypto';
import {
  decisionStatementSchema,
  roleForKind,
  type DecisionKind,
  type DecisionStatement,
  type SignedDecision,
} from '../domain/decisions';
import { signStatement, type SigningKey } from '../activities/decisions/signing';
import type { ReviewVerdict, TicketClient } from './tickets';

export interface DecisionToSign {
  kind: DecisionKind;
  workflowId: string;
  runId: string;
  subject: string;
  decision: string;
  reason: string;
  identity: string;
  emergency?: boolean;
  payload?: Record<string, unknown>;
  /** `api` when the API signs with its issuer key for the identity its API key authenticated. */
  via?: 'key' | 'api';
  now?: Date;
  lifetimeMs?: number;
}

/** Fifteen minutes: time to paste a signed decision into a terminal, not time for it to leak and be replayed. */
export const defaultDecisionLifetimeMs = 15 * 60_000;

/** Builds, validates and signs a decision statement; the result is what a signal or update carries. */
export function signDecision(input: DecisionToSign, key: SigningKey): SignedDecision {
  const now = input.now ?? new Date();
  const statement: DecisionStatement = decisionStatementSchema.parse({
    v: 1,
    kind: input.kind,
    workflowId: input.workflowId,
    runId: input.runId,
    subject: input.subject,
    decision: input.decision,
    emergency: input.emergency ?? false,
    reason: input.reason,
    identity: input.identity,
    role: roleForKind[input.kind],
    via: input.via ?? 'key',
    nonce: randomBytes(18).toString('base64url'),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (input.lifetimeMs ?? defaultDecisionLifetimeMs)).toISOString(),
  });
  return {
    statement,
    ...(input.payload ? { payload: input.payload } : {}),
    keyId: key.keyId,
    signature: signStatement(statement, key),
  };
}

/** A fault verdict bound to the run and `action@device` the fault waits on (its pendingApproval query says which). */
export function signFaultVerdict(
  key: SigningKey,
  identity: string,
  workflowId: string,
  target: { runId: string; subject: string },
  verdict: { decision: 'approve' | 'reject'; reason: string; emergency?: boolean; now?: Date; lifetimeMs?: number },
): SignedDecision {
  return signDecision({ kind: 'fault', workflowId, ...target, ...verdict, identity }, key);
}

/** An agent's verdict on the draft a ticket has under review (or on their edit of it), signed with their key. */
export async function signTicketReview(
  tickets: Pick<TicketClient, 'reviewToSign'>,
  ticketId: string,
  verdict: ReviewVerdict,
  identity: string,
  key: SigningKey,
): Promise<SignedDecision> {
  return signDecision({ ...(await tickets.reviewToSign(ticketId, verdict)), identity }, key);
}
