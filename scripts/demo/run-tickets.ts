import { performance } from 'node:perf_hooks';
import type { TicketClient } from '../../client';
import type { TicketResult } from '../../domain/ticket';
import type { DemoTicket } from './tickets';

export interface DemoOutcome {
  demo: DemoTicket;
  ticketId: string;
  workflowId: string;
  result: TicketResult;
  latencyMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a ticket and plays the customer and the agent when the workflow waits for them. */
export async function runDemoTicket(tickets: TicketClient, demo: DemoTicket, ticketId: string): Promise<DemoOutcome> {
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
      await tickets.sendAgentDecision(ticketId, { ...demo.agent, agentId: 'demo-agent' });
    }
    await sleep(100);
  }
  return { demo, ticketId, workflowId, result: await result, latencyMs: performance.now() - started };
}
