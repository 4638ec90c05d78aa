import type { Pool } from 'pg';
import { detectionSql } from './detection-sql';

export interface Flag {
  accountId: string;
  pattern: string;
  evidence: Record<string, unknown>;
}

/** Every rule over every account for the window ending on the sweep date, in one set-based statement. */
export async function detectAnomalies(pool: Pool, sweepDate: string, windowDays = 30): Promise<Flag[]> {
  const result = await pool.query(detectionSql, [sweepDate, windowDays]);
  return result.rows.map((row) => ({
    accountId: String(row.account_id),
    pattern: row.pattern,
    evidence: row.evidence,
  }));
}
