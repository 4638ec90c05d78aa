import type { Pool } from 'pg';
import { chainHash, contentBody, genesisHash } from './chain';

export type AuditVerification =
  | { ok: true; rows: number; lastSeq: number | null }
  | { ok: false; rows: number; firstBadSeq: number; reason: 'hash mismatch' | 'broken link' | 'gap' };

interface ChainRow {
  seq: string;
  recorded_at: Date;
  kind: string;
  workflow_id: string | null;
  actor: string;
  action: string;
  details: unknown;
  sample_key_id: string | null;
  sample: Buffer | null;
  prev_hash: string;
  hash: string;
}

/**
 * Walks the chain from the retention anchor (or genesis) in seq order, a page at a time, and stops at the first row
 * that does not hold up. A deleted row shows as a gap named by its missing seq; an edited row as a hash mismatch on
 * that row; a row whose stored hash was rewritten as a mismatch on it, or, if its content was changed and the hash
 * recomputed to match, as a broken link on the row after. `rows` counts the rows that checked out.
 */
export async function verifyAuditChain(pool: Pool, options: { pageSize?: number } = {}): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  const anchor = await pool.query('SELECT seq, hash FROM audit_chain_anchor');
  let lastSeq = anchor.rows[0] ? Number(anchor.rows[0].seq) : 0;
  let lastHash: string = anchor.rows[0]?.hash ?? genesisHash;
  let rows = 0;
  for (;;) {
    const page = await pool.query<ChainRow>(
      `SELECT seq, recorded_at, kind, workflow_id, actor, action, details, sample_key_id, sample, prev_hash, hash
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [lastSeq, pageSize],
    );
    for (const row of page.rows) {
      const seq = Number(row.seq);
      if (seq !== lastSeq + 1) return { ok: false, rows, firstBadSeq: lastSeq + 1, reason: 'gap' };
      if (row.prev_hash !== lastHash) return { ok: false, rows, firstBadSeq: seq, reason: 'broken link' };
      if (chainHash(row.prev_hash, seq, rowBody(row)) !== row.hash) {
        return { ok: false, rows, firstBadSeq: seq, reason: 'hash mismatch' };
      }
      rows += 1;
      lastSeq = seq;
      lastHash = row.hash;
    }
    if (page.rows.length < pageSize) break;
  }
  return { ok: true, rows, lastSeq: lastSeq > 0 ? lastSeq : null };
}

function rowBody(row: ChainRow): string {
  return contentBody({
    recordedAt: row.recorded_at.toISOString(),
    kind: row.kind,
    workflowId: row.workflow_id,
    actor: row.actor,
    action: row.action,
    details: row.details,
    sampleKeyId: row.sample_key_id,
    sample: row.sample ? row.sample.toString('base64') : null,
  });
}
