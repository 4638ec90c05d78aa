import { z } from 'zod';

/**
 * A human decision as a signed statement. The statement binds everything the decision is about (the workflow run,
 * exactly what is decided, the verdict, the emergency flag, who, a nonce and a validity window), so a signature
 * for one thing can never be used for another. Workflows verify it in an activity before it counts.
 */
export const decisionKinds = ['fault', 'ticket_review', 'acma_review', 'fraud'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const deciderRoles = ['oncall', 'agent', 'reviewer', 'analyst'] as const;
export type DeciderRole = (typeof deciderRoles)[number];

/** Who may decide each kind: a signature from anyone else is refused whatever it says. */
export const roleForKind: Record<DecisionKind, DeciderRole> = {
  fault: 'oncall',
  ticket_review: 'agent',
  acma_review: 'reviewer',
  fraud: 'analyst',
};

export const verdictsForKind: Record<DecisionKind, readonly string[]> = {
  fault: ['approve', 'reject'],
  ticket_review: ['approve', 'edit', 'reject'],
  acma_review: ['confirm'],
  fraud: ['confirmed_fraud', 'investigating', 'closed_legitimate'],
};

/** The same shape as API key identities and roster ids, so one person has one name everywhere. */
export const deciderIdentitySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/, 'identity: lowercase letters, digits and . _ @ - (at most 64)');

/** The domain tag signed before the statement: a signature made for anything else never verifies as a decision. */
export const statementDomain = 'switchboard-decision-v1\n';

/** The longest a signed decision may stay valid: long enough to sign on a phone and paste, short enough to age out. */
export const maxDecisionLifetimeMs = 24 * 3_600_000;

/**
 * The statement and signed-decision schemas, built when called. domain/decisions.ts builds them once for clients and
 * activities; a workflow builds them only when a decision reaches it, because the SDK evaluates a workflow's modules
 * again for every workflow and these schemas cost about 70 KB each time (most workflows never see a decision).
 */
export function buildDecisionSchemas() {
  const statement = z
    .object({
      v: z.literal(1),
      kind: z.enum(decisionKinds),
      workflowId: z.string().min(1).max(255),
      /** The run the decision is for; `*` only for fraud verdicts, which start a run of their own. */
      runId: z.string().min(1).max(64),
      /** What is decided: `action@device` for a fault, `sha256:<hex>` of a text or correction set, `account@date`. */
      subject: z.string().min(1).max(300),
      decision: z.string().min(1).max(32),
      emergency: z.boolean(),
      reason: z.string().min(1).max(500),
      identity: deciderIdentitySchema,
      role: z.enum(deciderRoles),
      /** `key`: signed by the person's own key; `api`: signed by the API's issuer key for the identity it authenticated. */
      via: z.enum(['key', 'api']),
      nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'nonce: 16 to 64 url-safe characters'),
      issuedAt: z.iso.datetime({ offset: true }),
      expiresAt: z.iso.datetime({ offset: true }),
    })
    .strict()
    .refine((s) => verdictsForKind[s.kind].includes(s.decision), { message: 'decision is not one this kind allows' })
    .refine((s) => s.kind !== 'fault' || s.decision === 'approve' || !s.emergency, {
      message: 'only an approval can be an emergency',
    });

  /** What travels in a signal or update. `payload` carries data too large to sign directly; the subject binds its hash. */
  const signed = z
    .object({
      statement,
      payload: z.record(z.string(), z.unknown()).optional(),
      keyId: z.string().regex(/^[a-f0-9]{16,64}$/, 'keyId: hex'),
      signature: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/, 'signature: base64url'),
    })
    .strict();
  return { statement, signed };
}

/** What the workflow expects the decision to be about; the verifier refuses anything bound to something else. */
export interface DecisionExpectation {
  kind: DecisionKind;
  workflowId: string;
  runId: string;
  /** The exact subject (faults, fraud) or null when it is a hash the verifier computes (tickets, reviews). */
  subject: string | null;
  /** Tickets: the draft that approve and reject refer to. */
  draftText?: string;
}

export const faultSubject = (action: string, deviceId: string) => `${action}@${deviceId}`;
export const fraudSubject = (accountId: string, sweepDate: string) => `${accountId}@${sweepDate}`;

/** The verifier's answer, kept in history: a refusal says why, an acceptance says who, how and what. */
export type DecisionCheck =
  | {
      valid: true;
      kind: DecisionKind;
      identity: string;
      role: DeciderRole;
      via: 'key' | 'api';
      keyId: string;
      decision: string;
      emergency: boolean;
      reason: string;
      payload?: Record<string, unknown>;
    }
  | { valid: false; refusal: string; claimedIdentity: string | null; decision: string | null };

/** The outcome a caller of an update learns at once, and that the workflow lists for auditors. */
export interface DecisionOutcome {
  counted: boolean;
  /** Why it did not count, or what it did. */
  reason: string;
  identity: string | null;
}
