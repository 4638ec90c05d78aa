import { Pool } from 'pg';

export interface ReviewWatch {
  /** Resolves once the ticket's review handoff is in PostgreSQL; forget() stops watching for it. */
  opened(ticketId: string): Promise<void>;
  forget(ticketId: string): void;
  close(): Promise<void>;
}

const POLL_MS = 20;

/**
 * Tells the load generator when a ticket's review opens, from the handoffs table: one query every 20 ms for all
 * tickets waiting, rather than a status query per ticket every 20 ms, which would load the Temporal server and the
 * worker with work no production client does and bill it to durability.
 */
export function watchReviews(databaseUrl: string): ReviewWatch {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const waiting = new Map<string, () => void>();
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (!closed) timer = setTimeout(() => void poll(), POLL_MS);
  };
  const poll = async () => {
    try {
      if (!waiting.size) return;
      const { rows } = await pool.query<{ ticket_id: string }>(
        "SELECT DISTINCT ticket_id FROM handoffs WHERE kind = 'review' AND ticket_id = ANY($1)",
        [[...waiting.keys()]],
      );
      for (const { ticket_id: ticketId } of rows) {
        waiting.get(ticketId)?.();
        waiting.delete(ticketId);
      }
    } catch {
      // A failed poll is tried again on the next tick; the ticket's own result still ends its wait.
    } finally {
      schedule();
    }
  };
  schedule();
  return {
    opened: (ticketId) => new Promise<void>((resolve) => waiting.set(ticketId, resolve)),
    forget: (ticketId) => void waiting.delete(ticketId),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await pool.end();
    },
  };
}
