import { z } from 'zod';
import {
  maxDecisionLifetimeMs,
  roleForKind,
  signedDecisionSchema,
  type DecisionCheck,
  type DecisionExpectation,
  type DecisionStatement,
  type SignedDecision,
} from '../../domain/decisions';
import type { RegisteredKey } from './registry';
import { contentSubject, publicKeyFromBase64, signatureHolds } from './signing';
import { firstIssueLine } from '../../domain/zod-issues';

export interface VerifierDeps {
  findKey(keyId: string): Promise<RegisteredKey | null>;
  /** False when another verification already used this nonce. */
  consumeNonce(nonce: string, keyId: string): Promise<boolean>;
}

/** Clocks drift: a statement issued up to this far in the future of its arrival still counts. */
const clockSkewMs = 5 * 60_000;

const editPayload = z.object({ editedReply: z.string().trim().min(1).max(4000) }).strict();
const correctionsPayload = z.object({ corrections: z.array(z.unknown()).max(200) }).strict();

/**
 * Checks a submitted decision against what the workflow expects, in an order that names the first real problem:
 * shape, key, signature, signer, binding, time, and last the nonce, so a forgery never burns a genuine nonce.
 * `receivedAt` is when the workflow received it (its own clock), which keeps the verdict the same on every retry.
 */
export async function checkDecision(
  submitted: unknown,
  expected: DecisionExpectation,
  receivedAt: Date,
  deps: VerifierDeps,
): Promise<DecisionCheck> {
  const parsed = signedDecisionSchema.safeParse(submitted);
  if (!parsed.success) return refuse(unsignedOrMalformed(submitted, parsed.error), claimed(submitted));
  const { statement, keyId, signature, payload } = parsed.data;
  const claim = { claimedIdentity: `${statement.role}:${statement.identity}`, decision: statement.decision };
  const no = (refusal: string): DecisionCheck => ({ valid: false, refusal, ...claim });

  const key = await deps.findKey(keyId);
  if (!key) return no(`unknown key ${keyId}`);
  if (key.revokedAt) return no(`key ${keyId} was revoked`);
  if (!signatureHolds(statement, signature, publicKeyFromBase64(key.publicKeyBase64))) {
    return no('the signature does not verify');
  }
  if (key.role === 'issuer' ? statement.via !== 'api' : statement.via !== 'key') {
    return no(`key ${keyId} (${key.role}) cannot sign a decision made via ${statement.via}`);
  }
  if (key.role !== 'issuer' && (key.identity !== statement.identity || key.role !== statement.role)) {
    return no(`key ${keyId} belongs to ${key.role}:${key.identity}, not ${claim.claimedIdentity}`);
  }
  if (statement.role !== roleForKind[statement.kind])
    return no(`a ${statement.role} cannot decide a ${statement.kind}`);
  const binding = bindingProblem(statement, payload, expected);
  if (binding) return no(binding);
  const timing = timingProblem(statement, receivedAt);
  if (timing) return no(timing);
  if (!(await deps.consumeNonce(statement.nonce, keyId))) return no(`nonce ${statement.nonce} was already used`);
  return {
    valid: true,
    kind: statement.kind,
    identity: statement.identity,
    role: statement.role,
    via: statement.via,
    keyId,
    decision: statement.decision,
    emergency: statement.emergency,
    reason: statement.reason,
    ...(payload ? { payload } : {}),
  };
}

function bindingProblem(
  statement: DecisionStatement,
  payload: SignedDecision['payload'],
  expected: DecisionExpectation,
): string | null {
  if (statement.kind !== expected.kind) return `signed for a ${statement.kind}, not a ${expected.kind}`;
  if (statement.workflowId !== expected.workflowId) return `signed for workflow ${statement.workflowId}`;
  const anyRun = statement.kind === 'fraud' && statement.runId === '*' && expected.runId === '*';
  if (!anyRun && statement.runId !== expected.runId) return `signed for run ${statement.runId}, not this run`;
  const subject = expectedSubject(statement, payload, expected);
  if (typeof subject !== 'string') return subject.problem;
  if (statement.subject !== subject) return `signed for ${statement.subject}, but this decides ${subject}`;
  return null;
}

function expectedSubject(
  statement: DecisionStatement,
  payload: SignedDecision['payload'],
  expected: DecisionExpectation,
): string | { problem: string } {
  if (statement.kind === 'ticket_review' && statement.decision === 'edit') {
    const edit = editPayload.safeParse(payload);
    return edit.success ? contentSubject(edit.data.editedReply) : { problem: 'an edit needs payload.editedReply' };
  }
  if (statement.kind === 'acma_review') {
    const review = correctionsPayload.safeParse(payload);
    return review.success ? contentSubject(review.data.corrections) : { problem: 'a review needs payload.corrections' };
  }
  if (payload !== undefined) return { problem: `a ${statement.decision} carries no payload` };
  if (statement.kind === 'ticket_review') {
    return expected.draftText === undefined ? { problem: 'no draft to decide' } : contentSubject(expected.draftText);
  }
  return expected.subject ?? { problem: 'nothing is awaiting this decision' };
}

function timingProblem(statement: DecisionStatement, receivedAt: Date): string | null {
  const issued = Date.parse(statement.issuedAt);
  const expires = Date.parse(statement.expiresAt);
  if (expires <= issued) return 'expires before it was issued';
  if (expires - issued > maxDecisionLifetimeMs) return 'valid for longer than 24 hours';
  if (issued > receivedAt.getTime() + clockSkewMs) return `issued in the future (${statement.issuedAt})`;
  if (expires <= receivedAt.getTime()) return `expired at ${statement.expiresAt}`;
  return null;
}

function refuse(refusal: string, claim: { claimedIdentity: string | null; decision: string | null }): DecisionCheck {
  return { valid: false, refusal, ...claim };
}

/** A bare `{approver, reason}` is the old unsigned form: name it as such, so the record says what was tried. */
function unsignedOrMalformed(submitted: unknown, error: z.ZodError): string {
  const record = typeof submitted === 'object' && submitted !== null ? (submitted as Record<string, unknown>) : {};
  if (!('signature' in record)) return 'unsigned: a decision must be signed (switchboard approvals sign)';
  return `malformed signed decision: ${firstIssueLine(error, { root: '(input)', none: 'invalid' })}`;
}

/** Whatever identity an invalid submission claims, cut to a safe length, for the record only: never trusted. */
function claimed(submitted: unknown): { claimedIdentity: string | null; decision: string | null } {
  const record = typeof submitted === 'object' && submitted !== null ? (submitted as Record<string, unknown>) : {};
  const statement = (record.statement ?? record) as Record<string, unknown>;
  const who = statement.identity ?? statement.approver ?? statement.agentId ?? statement.reviewer ?? statement.analyst;
  const what = statement.decision;
  return {
    claimedIdentity: typeof who === 'string' ? who.slice(0, 64) : null,
    decision: typeof what === 'string' ? what.slice(0, 32) : null,
  };
}
