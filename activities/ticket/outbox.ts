import type { Pool } from 'pg';
import { actorForAuthor, appendDecision, automatic, personActor } from '../audit/decisions';
import { inTransaction } from '../transaction';
import type { OpenHandoffInput, ResolveHandoffInput, SendMessageInput } from './schemas';

/**
 * Exactly-once delivery rests on the idempotency key: a retried activity (or a worker that died after the INSERT
 * committed) finds the row already there and reports it instead of writing a second message. The audit row of the
 * send commits with it, so a message is never sent without its decision on record, nor recorded twice.
 */
export async function sendMessage(
  pool: Pool,
  message: SendMessageInput,
  workflowId: string | null = null,
): Promise<{ outboxId: string; duplicate: boolean }> {
  return inTransaction(pool, async (client) => {
    const inserted = await client.query(
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
    if (inserted.rows[0]) {
      const outboxId = String(inserted.rows[0].id);
      await appendDecision(client, {
        action: `ticket.${message.kind}_sent`,
        actor: actorForAuthor(message.author),
        details: { ticketId: message.ticketId, channel: message.channel, outboxId },
        workflowId,
        dedupeKey: `outbox:${message.idempotencyKey}`,
      });
      return { outboxId, duplicate: false };
    }
    const existing = await client.query('SELECT id FROM outbox WHERE idempotency_key = $1', [message.idempotencyKey]);
    return { outboxId: String(existing.rows[0].id), duplicate: true };
  });
}

/** Opening a review or an escalation is the automatic routing decision taking effect. */
export async function openHandoff(
  pool: Pool,
  handoff: OpenHandoffInput,
  workflowId: string,
): Promise<{ handoffId: string }> {
  return inTransaction(pool, async (client) => {
    const result = await client.query(
      `INSERT INTO handoffs (idempotency_key, ticket_id, kind, reasons, workflow_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key RETURNING id`,
      [handoff.idempotencyKey, handoff.ticketId, handoff.kind, handoff.reasons, workflowId],
    );
    const handoffId = String(result.rows[0].id);
    await appendDecision(client, {
      action: 'ticket.route',
      actor: automatic,
      details: {
        ticketId: handoff.ticketId,
        route: handoff.kind === 'review' ? 'review' : 'escalate',
        handoffId,
        reasons: handoff.reasons.length,
      },
      workflowId,
      dedupeKey: `handoff:${handoff.idempotencyKey}`,
    });
    return { handoffId };
  });
}

/** The agent's review taking effect; the verdict is on record when the workflow passes it. */
export async function resolveHandoff(
  pool: Pool,
  resolution: ResolveHandoffInput,
  workflowId: string | null = null,
): Promise<{ resolved: boolean }> {
  return inTransaction(pool, async (client) => {
    const result = await client.query(
      `UPDATE handoffs SET status = 'resolved', resolved_by = $2, resolved_at = now()
        WHERE idempotency_key = $1 AND status = 'open' RETURNING id, ticket_id`,
      [resolution.idempotencyKey, resolution.resolvedBy],
    );
    const row = result.rows[0];
    if (!row) return { resolved: false };
    await appendDecision(client, {
      action: 'ticket.agent_review',
      actor: personActor('agent', resolution.resolvedBy),
      details: { ticketId: row.ticket_id, handoffId: String(row.id), decision: resolution.decision ?? null },
      workflowId,
      dedupeKey: `handoff-resolved:${resolution.idempotencyKey}`,
    });
    return { resolved: true };
  });
}
