import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { ticketWorkflowId, type TicketClient } from '../../client';
import type { TicketResult } from '../../domain/ticket';

/** The seeded roaming question: the offline engine answers it on its own, so each ticket should end in one reply. */
export const roamingMessage =
  'Why was I charged $45 for international roaming in Thailand? I have a plan that includes roaming.';

export const roamingTicket = (ticketId: string) => ({
  ticketId,
  accountId: 'ACC-1002',
  channel: 'chat' as const,
  message: roamingMessage,
});

/** Runs `task` over `items` with at most `limit` in flight: 1,000 simultaneous gRPC calls would only measure queuing. */
export async function bounded<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export const ticketIds = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

export async function startAll(tickets: TicketClient, ids: string[], input = roamingTicket): Promise<number> {
  const started = await bounded(ids, 25, async (id) => (await tickets.start(input(id))).started);
  return started.filter(Boolean).length;
}

/** Every result, or the failure in its place: a failed workflow must show up in the assertion, not abort the wait. */
export function resultsOf(tickets: TicketClient, ids: string[]): Promise<Array<TicketResult | Error>> {
  return bounded(ids, 50, (id) =>
    tickets.result(id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
  );
}

/** Outbox replies per ticket for every ticket whose id starts with `prefix`. */
export async function repliesFor(pool: Pool, prefix: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ ticket_id: string; replies: string }>(
    `SELECT ticket_id, count(*) AS replies FROM outbox WHERE kind = 'reply' AND ticket_id LIKE $1 GROUP BY ticket_id`,
    [`${prefix}-%`],
  );
  return new Map(rows.map((row) => [row.ticket_id, Number(row.replies)]));
}

export async function replyTotal(pool: Pool, prefix: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox WHERE kind = 'reply' AND ticket_id LIKE $1`,
    [`${prefix}-%`],
  );
  return Number(rows[0]!.n);
}

/**
 * Activity retries the server recorded: history keeps only the last attempt of each activity, and its number says
 * how many tries came before it.
 */
export async function retriesSeen(client: Client, ids: string[]): Promise<number> {
  const perTicket = await bounded(ids, 10, async (id) => {
    const history = await client.workflow.getHandle(ticketWorkflowId(id)).fetchHistory();
    return (history.events ?? []).reduce(
      (sum, event) => sum + Math.max(0, (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1),
      0,
    );
  });
  return perTicket.reduce((sum, n) => sum + n, 0);
}

export async function until(probe: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
