import type { Pool } from 'pg';

/**
 * Reads of the analysts' review queue for the API: the fraud activities own the table (they fill it), so its SQL
 * lives beside them and the routes call these functions.
 */
export interface FlagFilter {
  sweepDate?: string;
  status: string;
  limit: number;
}

export async function listFraudFlags(pool: Pool, filter: FlagFilter) {
  const { rows } = await pool.query(
    `SELECT id::text AS id, sweep_date::text AS "sweepDate", account_id::text AS "accountId", patterns, evidence,
            narrative, risk_level AS "riskLevel", recommended_actions AS "recommendedActions", verified,
            unverified_figures AS "unverifiedFigures", status, decided_by AS "decidedBy",
            to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "decidedAt"
       FROM fraud_review_queue
      WHERE ($1::date IS NULL OR sweep_date = $1::date) AND ($2 = 'all' OR status = $2)
      ORDER BY sweep_date DESC, id LIMIT $3`,
    [filter.sweepDate ?? null, filter.status, filter.limit],
  );
  return rows;
}

/** The account and sweep a flag is about, or null when there is no such flag. */
export async function findFraudFlag(pool: Pool, id: string): Promise<{ sweepDate: string; accountId: string } | null> {
  const { rows } = await pool.query<{ sweepDate: string; accountId: string }>(
    'SELECT sweep_date::text AS "sweepDate", account_id::text AS "accountId" FROM fraud_review_queue WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
