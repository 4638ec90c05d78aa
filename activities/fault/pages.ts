import type { Pool } from 'pg';
import { z } from 'zod';
import { pageKinds } from '../../domain/fault/pages';
import { parseInput } from '../boundary';

/** One page; the workflow's messages carry the diagnosis and the commands to decide, so they get room. */
export const sendPageInput = z
  .object({
    idempotencyKey: z.string().min(1).max(256),
    team: z.string().min(1),
    tier: z.number().int().min(1),
    engineerIds: z.array(z.string().min(1)).min(1),
    deviceId: z.string().min(1),
    kind: z.enum(pageKinds),
    message: z.string().min(1).max(4000),
    workflowId: z.string().min(1),
  })
  .strict();
export type SendPageInput = z.infer<typeof sendPageInput>;

/**
 * Exactly-once paging rests on the idempotency key: a retried activity, or a worker that died after the INSERT
 * committed, finds the page already there and reports it instead of waking an engineer twice.
 */
export async function sendPage(pool: Pool, input: SendPageInput): Promise<{ pageId: string; duplicate: boolean }> {
  const page = parseInput(sendPageInput, input, 'sendPage');
  const inserted = await pool.query(
    `INSERT INTO pages (idempotency_key, team, tier, engineer_ids, device_id, kind, message, workflow_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      page.idempotencyKey,
      page.team,
      page.tier,
      page.engineerIds,
      page.deviceId,
      page.kind,
      page.message,
      page.workflowId,
    ],
  );
  if (inserted.rows[0]) return { pageId: String(inserted.rows[0].id), duplicate: false };
  const existing = await pool.query('SELECT id FROM pages WHERE idempotency_key = $1', [page.idempotencyKey]);
  return { pageId: String(existing.rows[0].id), duplicate: true };
}

/**
 * When each fault was last put to its on-call engineers for approval, by workflow id: the newest request, since a
 * fault's id recurs and the running run's request is the latest one for it.
 */
export async function approvalRequestedAt(pool: Pool, workflowIds: string[]): Promise<Map<string, string>> {
  const requested = await pool.query<{ workflow_id: string; at: Date }>(
    `SELECT workflow_id, max(created_at) AS at FROM pages
      WHERE kind = 'approval_request' AND workflow_id = ANY($1) GROUP BY workflow_id`,
    [workflowIds],
  );
  return new Map(requested.rows.map((row) => [row.workflow_id, row.at.toISOString()]));
}
