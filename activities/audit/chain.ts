import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { canonicalJson } from './canonical';
import { boundChainKeys, hmacAlgorithm, hmacChainHash, type ChainKeyRing } from './chain-keys';
import { inTransaction } from '../transaction';

/** What the first row of a never-pruned chain links to. Must match the insert trigger in the hardening migration. */
export const genesisHash = '0'.repeat(64);
/** The advisory lock that orders appends and retention. Must match the audit migrations' triggers and functions. */
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

/** How rows written before the chain was keyed were hashed; they still verify, but nothing new is written this way. */
export function chainHash(prevHash: string, seq: number, body: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${body}`, 'utf8').digest('hex');
}

const isClient = (db: Pool | PoolClient): db is PoolClient => typeof (db as PoolClient).release === 'function';

/**
 * Appends one row and returns its seq and hash, or null when the dedupe key was already used. With a pool it is a
 * transaction of its own; with a client inside BEGIN it commits or rolls back with the caller's business write, and
 * holds the append lock until then, so append last in such transactions (READ COMMITTED, the default). The HMAC key
 * comes from the pool (bindChainKeys) unless one is given.
 */
export async function appendAudit(
  db: Pool | PoolClient,
  entry: AuditEntry,
  keys: ChainKeyRing = boundChainKeys(db),
): Promise<{ seq: number; hash: string } | null> {
  const row = auditEntrySchema.parse(entry);
  // A client outside any transaction loses the lock between statements; the insert trigger then refuses a row
  // another writer got ahead of, rather than letting the chain fork.
  if (isClient(db)) return appendLocked(db, row, keys);
  return inTransaction(db, (client) => appendLocked(client, row, keys));
}

async function appendLocked(
  client: PoolClient,
  row: z.output<typeof auditEntrySchema>,
  keys: ChainKeyRing,
): Promise<{ seq: number; hash: string } | null> {
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
  // Its own statement: a statement's snapshot predates a lock taken inside it, and the head must be read after.
  await client.query('SELECT pg_advisory_xact_lock($1)', [auditLockKey]);
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM audit_log WHERE dedupe_key = $1) AS used,
            (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1) AS head_seq,
            (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS head_hash,
            (SELECT seq FROM audit_chain_anchor) AS anchor_seq,
            (SELECT hash FROM audit_chain_anchor) AS anchor_hash`,
    [row.dedupeKey],
  );
  const found = rows[0];
  if (found.used) return null;
  // An empty table continues from the retention anchor, or from genesis when nothing was ever pruned.
  const prev =
    found.head_seq !== null
      ? { seq: Number(found.head_seq), hash: String(found.head_hash) }
      : found.anchor_seq !== null
        ? { seq: Number(found.anchor_seq), hash: String(found.anchor_hash) }
        : { seq: 0, hash: genesisHash };
  const seq = prev.seq + 1;
  const algorithm = hmacAlgorithm(keys.activeId);
  const hash = hmacChainHash(keys.keys.get(keys.activeId)!, algorithm, prev.hash, seq, body);
  await client.query(
    `INSERT INTO audit_log (seq, recorded_at, kind, workflow_id, actor, action, details, sample_key_id, sample,
                            dedupe_key, prev_hash, hash, hash_alg)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      seq,
      recordedAt,
      row.kind,
      row.workflowId,
      row.actor,
      row.action,
      JSON.stringify(details),
      row.sample?.keyId ?? null,
      sample,
      row.dedupeKey,
      prev.hash,
      hash,
      algorithm,
    ],
  );
  return { seq, hash };
}
