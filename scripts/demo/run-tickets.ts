import { performance } from 'node:perf_hooks';
import type { TicketClient } from '../../client';
import type { TicketResult } from '../../domain/ticket';
import type { DemoTicket } from './tickets';
import type { DemoPerson } from './keys';
import { signTicketReview } from '../../client/decisions';

export interface DemoOutcome {
  demo: DemoTicket;
  ticketId: string;
  workflowId: string;
  result: TicketResult;
  latencyMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a ticket and plays the customer and the agent when the workflow waits for them. */
export async function runDemoTicket(
  tickets: TicketClient,
  demo: DemoTicket,
  ticketId: string,
  agent: DemoPerson,
): Promise<DemoOutcome> {
  const started = performance.now();
  const { workflowId } = await tickets.start({ ...demo.ticket, ticketId });
  let answered = false;
  let decided = false;
  const result = tickets.result(ticketId);
  let done = false;
  void result.finally(() => (done = true)).catch(() => {});
  while (!done) {
    const status = await tickets.status(ticketId).catch(() => null);
    if (status?.stage === 'awaiting_customer' && demo.customerAnswer && !answered) {
      answered = true;
      await tickets.sendCustomerReply(ticketId, { message: demo.customerAnswer });
    }
    if (status?.stage === 'awaiting_agent' && demo.agent && !decided) {
      decided = true;
      // Signed with the demo agent's own key, for the draft under review: a name typed into a payload is refused.
      const verdict = { ...demo.agent, reason: demo.agent.note ?? 'read the draft' };
      await tickets.sendAgentDecision(
        ticketId,
        await signTicketReview(tickets, ticketId, verdict, agent.identity, agent.key),
      );
    }
    await sleep(100);
  }
  return { demo, ticketId, workflowId, result: await result, latencyMs: performance.now() - started };
}
