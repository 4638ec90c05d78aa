import type { Pool } from 'pg';

/** Fails early with the fix when the table is missing, rather than after minutes of model calls. */
export async function assertEvalTables(pool: Pool): Promise<void> {
  const { rows } = await pool.query(`SELECT to_regclass('eval_runs') IS NOT NULL AS present`);
  if (!rows[0]?.present) {
    throw new Error('the eval_runs table is missing: run `npm run migrate` against this DATABASE_URL first');
  }
}
