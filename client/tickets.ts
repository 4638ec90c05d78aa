import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Config } from '../config';
import { validate } from './validate';

export { InvalidRequestError } from './validate';
import { searchAttributes as sa } from '../domain/search-attributes';
import {
  agentDecisionSchema,
  customerReplySchema,
  ticketInputSchema,
  type AgentDecision,
  type CustomerReply,
  type TicketInput,
  type TicketPolicy,
  type TicketResult,
  type TicketStatus,
} from '../domain/ticket';
import type { resolveTicket } from '../workflows';
import { agentDecisionSignal, customerReplySignal, statusQuery } from '../workflows/ticket/messages';

export const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

export function ticketPolicyFromConfig(config: Config): TicketPolicy {
  return {
    sendThreshold: config.TICKET_SEND_THRESHOLD,
    reviewThreshold: config.TICKET_REVIEW_THRESHOLD,
    reviewDeadlineMs: config.TICKET_REVIEW_DEADLINE,
    clarificationTimeoutMs: config.TICKET_CLARIFICATION_TIMEOUT,
    maxClarifications: 1,
    knowledgeTopK: config.KNOWLEDGE_TOP_K,
    modelCallTimeoutMs: config.MODEL_CALL_TIMEOUT,
    strongModelOn: config.TICKET_STRONG_MODEL_ON,
    strongModelBelow: config.TICKET_STRONG_MODEL_BELOW,
  };
}

export interface TicketClientOptions {
  client: Client;
  taskQueue: string;
  policy: TicketPolicy;
}

/** The typed entry point for services, the CLI, the demo and the tests. */
export function createTicketClient({ client, taskQueue, policy }: TicketClientOptions) {
  const handle = (ticketId: string): WorkflowHandle<typeof resolveTicket> =>
    client.workflow.getHandle<typeof resolveTicket>(ticketWorkflowId(ticketId));

  return {
    /** Starts a ticket; starting the same ticket id again returns the running workflow instead of a second one. */
    async start(
      input: unknown,
      overrides: Partial<TicketPolicy> = {},
    ): Promise<{ workflowId: string; started: boolean }> {
      const ticket: TicketInput = validate(ticketInputSchema, input, 'ticket');
      const workflowId = ticketWorkflowId(ticket.ticketId);
      try {
        await client.workflow.start<typeof resolveTicket>('resolveTicket', {
          taskQueue,
          workflowId,
          args: [{ ticket, policy: { ...policy, ...overrides } }],
          typedSearchAttributes: [
            { key: sa.UseCase, value: 'ticket' },
            { key: sa.AccountRef, value: ticket.accountId },
          ],
          staticSummary: `Ticket ${ticket.ticketId} (${ticket.channel})`,
          // Ids only: the customer's words travel encrypted in the input, never in metadata the UI shows as is.
          staticDetails: [
            `**Ticket** \`${ticket.ticketId}\` on ${ticket.channel}`,
            `**Account** \`${ticket.accountId}\``,
            '',
            'Route, intent and agent decisions appear under Current details and in the Timeline.',
          ].join('\n'),
        });
        return { workflowId, started: true };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
        throw error;
      }
    },
    async status(ticketId: string): Promise<TicketStatus> {
      return handle(ticketId).query(statusQuery);
    },
    async result(ticketId: string): Promise<TicketResult> {
      return handle(ticketId).result();
    },
    async sendCustomerReply(ticketId: string, reply: CustomerReply): Promise<void> {
      await handle(ticketId).signal(customerReplySignal, validate(customerReplySchema, reply, 'customer reply'));
    },
    async sendAgentDecision(ticketId: string, decision: AgentDecision): Promise<void> {
      await handle(ticketId).signal(agentDecisionSignal, validate(agentDecisionSchema, decision, 'agent decision'));
    },
  };
}

export type TicketClient = ReturnType<typeof createTicketClient>;
