import type { Pool } from 'pg';
import { checkExternalAnchors, checkRetentionAnchor, type ExternalAnchor } from './anchor-checks';
import { chainHash, contentBody, genesisHash } from './chain';
import { hmacChainHash, type ChainKeyRing } from './chain-keys';
import { addProblem, summarise, type AuditVerification, type ChainProblem } from './problems';
import { prunedAction } from './retention';

export type { AuditVerification, ChainProblem } from './problems';

interface ChainRow {
  seq: string;
  recorded_at: Date;
  kind: string;
  workflow_id: string | null;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  sample_key_id: string | null;
  sample: Buffer | null;
  prev_hash: string;
  hash: string;
  hash_alg: string;
}

export interface VerifyOptions {
  /** Every key rows may have been written with. Without them keyed rows cannot be checked, which is a problem. */
  keys: ChainKeyRing | null;
  /** (seq, hash) copies of the head held outside PostgreSQL, read from Temporal history (temporal-anchors.ts). */
  anchors?: ExternalAnchor[];
  pageSize?: number;
}

/**
 * Walks the chain from the retention anchor (or genesis) in seq order, a page at a time, and names every stretch
 * that does not hold up by seq range: a gap, a broken link, a hash that does not verify (an edit, or rows rehashed
 * without the key), an unkeyed row after keyed ones (a downgrade), an anchor moved without a keyed prune record,
 * and, against the external anchors, a cut tail or rows that differ from what was anchored.
 */
export async function verifyAuditChain(pool: Pool, options: VerifyOptions): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 1000;
  const problems: ChainProblem[] = [];
  const anchorRow = (await pool.query('SELECT seq, hash FROM audit_chain_anchor')).rows[0];
  const start = anchorRow
    ? { seq: Number(anchorRow.seq), hash: String(anchorRow.hash) }
    : { seq: 0, hash: genesisHash };
  const external = options.anchors ?? [];
  // Only the hashes an external anchor will be compared with are kept, so memory does not grow with the chain.
  const anchoredSeqs = new Set(external.map((anchor) => anchor.seq));
  const hashes = new Map<number, string>();
  let lastSeq = start.seq;
  let lastHash = start.hash;
  let rows = 0;
  let firstAlg: string | null = null;
  let keyed = false;
  let pruneRecord: { toSeq: number; anchorHash: string } | null = null;
  for (;;) {
    const page = await pool.query<ChainRow>(
      `SELECT seq, recorded_at, kind, workflow_id, actor, action, details, sample_key_id, sample, prev_hash, hash,
              hash_alg
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [lastSeq, pageSize],
    );
    for (const row of page.rows) {
      const seq = Number(row.seq);
      firstAlg ??= row.hash_alg;
      let sound = true;
      if (seq !== lastSeq + 1) {
        addProblem(problems, 'gap', lastSeq + 1, seq - 1, 'missing (deleted)');
        sound = false;
      } else if (row.prev_hash !== lastHash) {
        addProblem(problems, 'broken_link', seq, seq, 'does not link to the row before it');
        sound = false;
      }
      const check = checkRowHash(row, seq, options.keys, keyed);
      if (check) {
        addProblem(problems, check.kind, seq, seq, check.detail);
        sound = false;
      }
      keyed ||= row.hash_alg.startsWith('hmac-sha256:');
      if (sound && row.action === prunedAction && !check && row.hash_alg !== 'sha256') {
        pruneRecord = { toSeq: Number(row.details.toSeq), anchorHash: String(row.details.anchorHash) };
      }
      if (sound) rows += 1;
      if (anchoredSeqs.has(seq)) hashes.set(seq, row.hash);
      lastSeq = seq;
      lastHash = row.hash;
    }
    if (page.rows.length < pageSize) break;
  }
  if (anchorRow) checkRetentionAnchor(problems, start, pruneRecord, firstAlg);
  checkExternalAnchors(problems, external, { start, lastSeq, hashes });
  problems.sort((a, b) => a.fromSeq - b.fromSeq || a.kind.localeCompare(b.kind));
  return summarise({
    rows,
    lastSeq: lastSeq > 0 ? lastSeq : null,
    anchors: { checked: external.length, latestSeq: external.length ? Math.max(...external.map((a) => a.seq)) : null },
    problems,
  });
}

/** Null when the row's stored hash is what its algorithm and key give; otherwise what is wrong with it. */
function checkRowHash(row: ChainRow, seq: number, keys: ChainKeyRing | null, afterKeyed: boolean) {
  const body = rowBody(row);
  if (row.hash_alg === 'sha256') {
    if (afterKeyed)
      return { kind: 'downgrade' as const, detail: 'unkeyed after keyed rows (rehashed without the key)' };
    return chainHash(row.prev_hash, seq, body) === row.hash
      ? null
      : { kind: 'hash_mismatch' as const, detail: 'hash does not match the content (altered after it was written)' };
  }
  const keyId = row.hash_alg.slice('hmac-sha256:'.length);
  const key = keys?.keys.get(keyId);
  if (!key) return { kind: 'unknown_key' as const, detail: `signed with chain key ${keyId}, which verification lacks` };
  return hmacChainHash(key, row.hash_alg, row.prev_hash, seq, body) === row.hash
    ? null
    : { kind: 'hash_mismatch' as const, detail: 'HMAC does not match (altered, or rehashed without the key)' };
}

/** What a stored row's hash covers: its content as it was appended. */
export function rowBody(row: Omit<ChainRow, 'prev_hash' | 'hash' | 'hash_alg' | 'seq'>): string {
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
