import type { Pool } from 'pg';
import type { OpenHandoffInput, ResolveHandoffInput, SendMessageInput } from './schemas';

/**
 * Exactly-once delivery rests on the idempotency key: a retried activity (or a worker that died after the INSERT
 * committed) finds the row already there and reports it instead of writing a second message.
 */
export async function sendMessage(
  pool: Pool,
  message: SendMessageInput,
): Promise<{ outboxId: string; duplicate: boolean }> {
  const inserted = await pool.query(
    `INSERT INTO outbox (idempotency_key, ticket_id, account_id, channel, kind, body, author)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      message.idempotencyKey,
      message.ticketId,
      message.accountId,
      message.channel,
      message.kind,
      message.body,
      message.author,
    ],
  );
  if (inserted.rows[0]) return { outboxId: String(inserted.rows[0].id), duplicate: false };
  const existing = await pool.query('SELECT id FROM outbox WHERE idempotency_key = $1', [message.idempotencyKey]);
  return { outboxId: String(existing.rows[0].id), duplicate: true };
}

export async function openHandoff(
  pool: Pool,
  handoff: OpenHandoffInput,
  workflowId: string,
): Promise<{ handoffId: string }> {
  const result = await pool.query(
    `INSERT INTO handoffs (idempotency_key, ticket_id, kind, reasons, workflow_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key RETURNING id`,
    [handoff.idempotencyKey, handoff.ticketId, handoff.kind, handoff.reasons, workflowId],
  );
  return { handoffId: String(result.rows[0].id) };
}

export async function resolveHandoff(pool: Pool, resolution: ResolveHandoffInput): Promise<{ resolved: boolean }> {
  const result = await pool.query(
    `UPDATE handoffs SET status = 'resolved', resolved_by = $2, resolved_at = now()
      WHERE idempotency_key = $1 AND status = 'open'`,
    [resolution.idempotencyKey, resolution.resolvedBy],
  );
  return { resolved: (result.rowCount ?? 0) > 0 };
}
