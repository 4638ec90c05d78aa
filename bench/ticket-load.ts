import { createTicketClient, ticketPolicyFromConfig } from '../client';
import { demoTickets } from '../scripts/demo/tickets';
import { signTicketReview } from '../client/decisions';
import type { BenchContext } from './context';
import { benchKeys } from './decision-keys';
import { mapLimit } from './stats';

export interface TicketLoad {
  workflowIds: string[];
  wallMs: number;
  routes: Record<string, number>;
  failures: string[];
}

/**
 * N tickets from the seed examples, round-robin over the eight demo accounts, with at most `concurrency` open at once.
 * The customer's answer is signalled right after start (handlers register before the first await). The agent's
 * decision is signed for the draft under review, so it is sent as soon as the review opens (polled every 20 ms):
 * almost no human wait in end-to-end time.
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
  const failures: string[] = [];
  const indexes = Array.from({ length: count }, (_, i) => i);
  const started = Date.now();
  const agentKey = benchKeys(ctx, 'agent');
  const workflowIds = await mapLimit(indexes, concurrency, async (i) => {
    const demo = demoTickets[i % demoTickets.length]!;
    const ticketId = `${prefix}-${i}`;
    const { workflowId } = await tickets.start({ ...demo.ticket, ticketId });
    try {
      if (demo.customerAnswer) await tickets.sendCustomerReply(ticketId, { message: demo.customerAnswer });
      if (demo.agent) {
        for (let stage = ''; stage !== 'completed'; await new Promise((resolve) => setTimeout(resolve, 20))) {
          stage = (await tickets.status(ticketId)).stage;
          if (stage !== 'awaiting_agent') continue;
          const verdict = { ...demo.agent, reason: demo.agent.note ?? 'bench review' };
          const key = await agentKey('bench-agent');
          await tickets.sendAgentDecision(
            ticketId,
            await signTicketReview(tickets, ticketId, verdict, 'bench-agent', key),
          );
          break;
        }
      }
      const result = await tickets.result(ticketId);
      routes[result.route] = (routes[result.route] ?? 0) + 1;
    } catch (error) {
      failures.push(`${ticketId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return workflowId;
  });
  return { workflowIds, wallMs: Date.now() - started, routes, failures };
}
