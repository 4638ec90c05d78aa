import { createTicketClient, ticketPolicyFromConfig } from '../client';
import type { ReviewVerdict } from '../client/tickets';
import { demoTickets } from '../domain/seed-examples';
import { signTicketReview } from '../client/decisions';
import { requireDatabaseUrl } from '../config';
import type { BenchContext } from './context';
import { benchKeys } from './decision-keys';
import { watchReviews } from './review-watch';
import { benchRoute } from './route-costs';
import { mapLimit } from './stats';

export interface TicketLoad {
  workflowIds: string[];
  /** Each workflow's route (clarify for a ticket that asked a question); null for a ticket that failed. */
  routeOf: Record<string, string | null>;
  wallMs: number;
  routes: Record<string, number>;
  failures: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * N tickets from the seed examples, round-robin over the eight demo accounts, with at most `concurrency` open at once.
 * The customer's answer is signalled right after start (handlers register before the first await). The agent's
 * decision is signed for the draft under review, so it is sent as soon as the review opens: seen in PostgreSQL, then a
 * few status queries (for the draft) until the workflow says it waits. The time from the handoff to the decision is
 * a person's wait, left out of overhead (bench/history.ts humanWaits).
 */
export async function driveTickets(
  ctx: BenchContext,
  taskQueue: string,
  prefix: string,
  count: number,
  concurrency: number,
): Promise<TicketLoad> {
  const tickets = createTicketClient({ client: ctx.client, taskQueue, policy: ticketPolicyFromConfig(ctx.config) });
  const routes: Record<string, number> = {};
  const routeOf: Record<string, string | null> = {};
  const failures: string[] = [];
  const indexes = Array.from({ length: count }, (_, i) => i);
  const agentKey = benchKeys(ctx, 'agent');
  const reviews = watchReviews(requireDatabaseUrl(ctx.config));
  // The handoff row is written one workflow task before the ticket says it waits: a few queries, backing off.
  const decideWhenAwaited = async (ticketId: string, verdict: ReviewVerdict) => {
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const { stage } = await tickets.status(ticketId);
      if (stage === 'completed') return;
      if (stage === 'awaiting_agent') {
        const signed = await signTicketReview(tickets, ticketId, verdict, 'bench-agent', await agentKey('bench-agent'));
        return tickets.sendAgentDecision(ticketId, signed);
      }
      await sleep(pause);
    }
  };
  const started = Date.now();
  try {
    const workflowIds = await mapLimit(indexes, concurrency, async (i) => {
      const demo = demoTickets[i % demoTickets.length]!;
      const ticketId = `${prefix}-${i}`;
      const { workflowId } = await tickets.start({ ...demo.ticket, ticketId });
      routeOf[workflowId] = null;
      try {
        if (demo.customerAnswer) await tickets.sendCustomerReply(ticketId, { message: demo.customerAnswer });
        const finished = tickets.result(ticketId);
        if (demo.agent) {
          const reviewing = await Promise.race([reviews.opened(ticketId).then(() => true), finished.then(() => false)]);
          reviews.forget(ticketId);
          if (reviewing)
            await decideWhenAwaited(ticketId, { ...demo.agent, reason: demo.agent.note ?? 'bench review' });
        }
        const route = benchRoute(await finished);
        routeOf[workflowId] = route;
        routes[route] = (routes[route] ?? 0) + 1;
      } catch (error) {
        failures.push(`${ticketId}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return workflowId;
    });
    return { workflowIds, routeOf, wallMs: Date.now() - started, routes, failures };
  } finally {
    await reviews.close();
  }
}
