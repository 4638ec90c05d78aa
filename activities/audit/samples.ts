import type { Pool } from 'pg';

/** The sampled model exchanges on the audit trail, newest first, still encrypted: the caller decrypts and records. */
export async function readSampledExchanges(pool: Pool, filter: { workflowId?: string; limit: number }) {
  const { rows } = await pool.query(
    `SELECT seq, recorded_at, workflow_id, actor, action, details, sample_key_id, sample FROM audit_log
      WHERE sample IS NOT NULL AND ($1::text IS NULL OR workflow_id = $1) ORDER BY seq DESC LIMIT $2`,
    [filter.workflowId ?? null, filter.limit],
  );
  return rows;
}
