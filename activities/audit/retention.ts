import type { Pool } from 'pg';
import { auditLockKey } from './chain';
import { checkout } from '../transaction';

export interface PruneResult {
  deleted: number;
  /** The seq and hash the chain now starts from, or null when nothing was old enough to delete. */
  anchor: { seq: number; hash: string } | null;
}

/**
 * Deletes the oldest rows recorded before `now - olderThanMs`, stopping at the first row that is still kept, so the
 * chain loses a prefix and never a row in the middle. The anchor moves to the last deleted row in the same
 * transaction, under the append lock, which is what lets verification start from there instead of genesis.
 */
export async function pruneAuditLog(pool: Pool, options: { olderThanMs: number; now: Date }): Promise<PruneResult> {
  if (!Number.isFinite(options.olderThanMs) || options.olderThanMs < 0) {
    throw new RangeError('pruneAuditLog: olderThanMs must be a non-negative number of milliseconds');
  }
  const cutoff = new Date(options.now.getTime() - options.olderThanMs);
  const client = await checkout(pool);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [auditLockKey]);
    // Only this transaction may delete: the append-only trigger checks the setting.
    await client.query(`SELECT set_config('switchboard.audit_prune', 'on', true)`);
    const last = await client.query(
      `SELECT seq, hash FROM audit_log
        WHERE seq < COALESCE((SELECT min(seq) FROM audit_log WHERE recorded_at >= $1), 9223372036854775807)
        ORDER BY seq DESC LIMIT 1`,
      [cutoff],
    );
    if (!last.rows[0]) {
      await client.query('COMMIT');
      return { deleted: 0, anchor: null };
    }
    const anchor = { seq: Number(last.rows[0].seq), hash: String(last.rows[0].hash) };
    const deleted = await client.query('DELETE FROM audit_log WHERE seq <= $1', [anchor.seq]);
    await client.query(
      `INSERT INTO audit_chain_anchor (id, seq, hash, pruned_at) VALUES (true, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at`,
      [anchor.seq, anchor.hash, options.now],
    );
    await client.query('COMMIT');
    return { deleted: deleted.rowCount ?? 0, anchor };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.done();
  }
}
