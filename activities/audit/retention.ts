import type { Pool } from 'pg';
import { appendAudit } from './chain';
import type { ChainKeyRing } from './chain-keys';
import { checkout } from '../transaction';

export interface PruneResult {
  deleted: number;
  /** The seq and hash the chain now starts from, or null when nothing was old enough to delete. */
  anchor: { seq: number; hash: string } | null;
  /** The seq range removed, as the audit.pruned row records it. */
  range: { fromSeq: number; toSeq: number } | null;
}

export const prunedAction = 'audit.pruned';

/**
 * Deletes the oldest rows recorded before `now - olderThanMs` through audit_prune (a prefix, never a row in the
 * middle; the anchor moves to the last deleted row), then appends an audit.pruned row naming the range and the
 * anchor, in the same transaction. The connection must be allowed to execute audit_prune (a member of
 * switchboard_audit_admin, or the owner); the application's role is not. The keyed row is what verification
 * accepts a moved anchor on: a prefix deleted by hand has none.
 */
export async function pruneAuditLog(
  pool: Pool,
  options: { olderThanMs: number; now: Date; keys?: ChainKeyRing },
): Promise<PruneResult> {
  if (!Number.isFinite(options.olderThanMs) || options.olderThanMs < 0) {
    throw new RangeError('pruneAuditLog: olderThanMs must be a non-negative number of milliseconds');
  }
  const cutoff = new Date(options.now.getTime() - options.olderThanMs);
  const client = await checkout(pool);
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT first_seq, last_seq, deleted, last_hash FROM audit_prune($1, $2)', [
      cutoff,
      options.now,
    ]);
    if (!rows[0]) {
      await client.query('COMMIT');
      return { deleted: 0, anchor: null, range: null };
    }
    const range = { fromSeq: Number(rows[0].first_seq), toSeq: Number(rows[0].last_seq) };
    const anchor = { seq: range.toSeq, hash: String(rows[0].last_hash) };
    const deleted = Number(rows[0].deleted);
    await appendAudit(
      client,
      {
        kind: 'decision',
        workflowId: null,
        actor: 'system:retention',
        action: prunedAction,
        details: { ...range, rows: deleted, anchorHash: anchor.hash, cutoff: cutoff.toISOString() },
        recordedAt: options.now,
      },
      options.keys,
    );
    await client.query('COMMIT');
    return { deleted, anchor, range };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.done();
  }
}
