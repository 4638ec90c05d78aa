import type { Pool } from 'pg';
import { genesisHash } from './chain';

/** The chain head as anchored: what the anchor workflow returns, so it stays in Temporal history. */
export interface AuditHeadAnchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
}

export interface AuditAnchorDeps {
  pool: Pool;
  /** AUDIT_CHAIN_ID: which chain this is, so verification reads only its own anchors. */
  chainId: string;
}

/** Reads only: the anchor needs no key, and works as the application's role. */
export function createAuditAnchorActivities({ pool, chainId }: AuditAnchorDeps) {
  return {
    async readAuditHead(): Promise<AuditHeadAnchor> {
      const { rows } = await pool.query(
        `SELECT seq, hash FROM (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) head
         UNION ALL SELECT seq, hash FROM audit_chain_anchor
         ORDER BY seq DESC LIMIT 1`,
      );
      const head = rows[0] ? { seq: Number(rows[0].seq), hash: String(rows[0].hash) } : { seq: 0, hash: genesisHash };
      return { chain: chainId, ...head, at: new Date().toISOString() };
    },
  };
}

export type AuditAnchorActivities = ReturnType<typeof createAuditAnchorActivities>;
