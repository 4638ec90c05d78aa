import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { canonicalJson } from './canonical';

/** What the first row of a never-pruned chain links to. Must match audit_append in the audit-log migration. */
export const genesisHash = '0'.repeat(64);
/** The advisory lock that orders appends and retention. Must match audit_append in the audit-log migration. */
export const auditLockKey = 7330155001;

/** A person as `role:id` (agent:bob, oncall:alice, analyst:carol) or `system:switchboard` for automatic decisions. */
export const actorSchema = z
  .string()
  .regex(
    /^(system|service|agent|oncall|analyst|reviewer|auditor):[A-Za-z0-9._@:-]{1,128}$/,
    'an actor as role:identity',
  );

export const auditEntrySchema = z.object({
  kind: z.enum(['model_call', 'decision']),
  workflowId: z.string().min(1).max(512).nullable(),
  actor: actorSchema,
  action: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'an action such as fault.action_executed'),
  /** Ids and metadata only: never message text, names or contact details. */
  details: z.record(z.string(), z.unknown()),
  sample: z
    .object({ keyId: z.string().min(1).max(64), sealed: z.custom<Uint8Array>((v) => v instanceof Uint8Array) })
    .nullable()
    .default(null),
  /** Retries of the same step carry the same key and append nothing the second time. */
  dedupeKey: z.string().min(1).max(512).nullable().default(null),
  recordedAt: z.date().optional(),
});
export type AuditEntry = z.input<typeof auditEntrySchema>;

/** The fields a row's hash covers besides seq and prev_hash, in the shape both writer and verifier build. */
export interface AuditContent {
  recordedAt: string;
  kind: string;
  workflowId: string | null;
  actor: string;
  action: string;
  details: unknown;
  sampleKeyId: string | null;
  sample: string | null;
}

export const contentBody = (content: AuditContent): string => canonicalJson(content);

export function chainHash(prevHash: string, seq: number, body: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${body}`, 'utf8').digest('hex');
}

/**
 * Appends one row and returns its seq and hash, or null when the dedupe key was already used. With a pool it is a
 * transaction of its own; with a client inside BEGIN it commits or rolls back with the caller's business write, and
 * holds the append lock until then, so append last in such transactions (READ COMMITTED, the default).
 */
export async function appendAudit(
  db: Pool | PoolClient,
  entry: AuditEntry,
): Promise<{ seq: number; hash: string } | null> {
  const row = auditEntrySchema.parse(entry);
  // Through JSON once, so what is hashed is what jsonb will hand back: no undefined, no Dates, no class instances.
  const details = JSON.parse(JSON.stringify(row.details)) as Record<string, unknown>;
  const recordedAt = (row.recordedAt ?? new Date()).toISOString();
  const sample = row.sample ? Buffer.from(row.sample.sealed) : null;
  const body = contentBody({
    recordedAt,
    kind: row.kind,
    workflowId: row.workflowId,
    actor: row.actor,
    action: row.action,
    details,
    sampleKeyId: row.sample?.keyId ?? null,
    sample: sample?.toString('base64') ?? null,
  });
  const result = await db.query('SELECT seq, hash FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    recordedAt,
    row.kind,
    row.workflowId,
    row.actor,
    row.action,
    JSON.stringify(details),
    row.sample?.keyId ?? null,
    sample,
    row.dedupeKey,
    body,
  ]);
  const appended = result.rows[0];
  return appended ? { seq: Number(appended.seq), hash: String(appended.hash) } : null;
}
