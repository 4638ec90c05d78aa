import type { Pool } from 'pg';
import { z } from 'zod';
import { inventedFigures, type FlaggedAccount, type FraudSummary } from '../../domain/fraud/summary';
import type { ModelCallRecord } from '../../domain/model-call';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const accountId = z.string().regex(/^\d{1,18}$/, 'an account id');

/** The flagged accounts among `accountIds` not yet in the analysts' queue for the date, in account order. */
export async function pendingFlags(pool: Pool, sweepDate: string, accountIds: string[]): Promise<FlaggedAccount[]> {
  const pending = await pool.query(
    `SELECT f.account_id::text AS id, f.patterns, f.evidence, f.plan_type FROM fraud_sweep_flags f
      WHERE f.sweep_date = $1 AND f.account_id = ANY($2::bigint[])
        AND NOT EXISTS (SELECT 1 FROM fraud_review_queue q WHERE q.sweep_date = $1 AND q.account_id = f.account_id)
      ORDER BY f.account_id`,
    [sweepDate, accountIds],
  );
  return pending.rows.map((row) => ({
    accountId: row.id,
    patterns: row.patterns,
    evidence: row.evidence,
    planType: row.plan_type,
  }));
}

/**
 * Queues one account's summary for the analysts, whichever way it was made (a synchronous call or a batch item): a
 * summary quoting a figure the evidence does not hold is queued marked unverified, naming the figures. An account
 * already queued (by a retry or a re-run) is left as it is.
 */
export async function queueSummary(
  pool: Pool,
  sweepDate: string,
  account: FlaggedAccount,
  summary: FraudSummary,
  call: ModelCallRecord,
): Promise<{ queued: number; unverified: boolean }> {
  const invented = inventedFigures(summary.narrative, account.evidence);
  const inserted = await pool.query(
    `INSERT INTO fraud_review_queue (sweep_date, account_id, patterns, evidence, narrative, risk_level,
       recommended_actions, verified, unverified_figures, model_id, cost_usd)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (sweep_date, account_id) DO NOTHING`,
    [
      sweepDate,
      account.accountId,
      account.patterns,
      account.evidence,
      summary.narrative,
      summary.riskLevel,
      summary.recommendedActions,
      invented.length === 0,
      invented,
      call.modelId,
      call.costUsd,
    ],
  );
  return { queued: inserted.rowCount ?? 0, unverified: invented.length > 0 };
}
