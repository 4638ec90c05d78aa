import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { ErrorTypes } from '../../domain/errors';

/** Tier 1 is the primary on-call, tier 2 the secondary, tier 3 the manager: escalation walks them in order. */
export async function loadRoster(pool: Pool, team: string): Promise<Array<{ tier: number; engineers: string[] }>> {
  const { rows } = await pool.query(
    `SELECT tier, array_agg(engineer_id ORDER BY engineer_id) AS engineers
       FROM oncall_roster WHERE team = $1 GROUP BY tier ORDER BY tier`,
    [team],
  );
  // Nobody to page is a configuration error, not something a retry can fix.
  if (rows.length === 0) {
    throw ApplicationFailure.create({
      type: ErrorTypes.NotFound,
      message: `no on-call roster for team ${team}`,
      nonRetryable: true,
    });
  }
  return rows.map((row) => ({ tier: row.tier, engineers: row.engineers }));
}
