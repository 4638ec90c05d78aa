import { createTicketClient, ticketPolicyFromConfig } from '../client';
import { demoTickets } from '../scripts/demo/tickets';
import type { BenchContext } from './context';
import { mapLimit } from './stats';

export interface TicketLoad {
  workflowIds: string[];
  wallMs: number;
  routes: Record<string, number>;
  failures: string[];
}

/**
 * N tickets from the seed examples, round-robin over the eight demo accounts, with at most `concurrency` open at once.
 * The customer's answer and the agent's decision are signalled right after start, so tickets that would wait for a
 * person find the answer already there (handlers register before the first await): no human wait in end-to-end time.
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
  const workflowIds = await mapLimit(indexes, concurrency, async (i) => {
    const demo = demoTickets[i % demoTickets.length]!;
    const ticketId = `${prefix}-${i}`;
    const { workflowId } = await tickets.start({ ...demo.ticket, ticketId });
    try {
      if (demo.customerAnswer) await tickets.sendCustomerReply(ticketId, { message: demo.customerAnswer });
      if (demo.agent) await tickets.sendAgentDecision(ticketId, { ...demo.agent, agentId: 'bench-agent' });
      const result = await tickets.result(ticketId);
      routes[result.route] = (routes[result.route] ?? 0) + 1;
    } catch (error) {
      failures.push(`${ticketId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return workflowId;
  });
  return { workflowIds, wallMs: Date.now() - started, routes, failures };
}
