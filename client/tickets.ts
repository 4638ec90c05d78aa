import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Config } from '../config';
import { calibratedPromptIds, ticketThresholds } from '../config/ticket-thresholds';
import { OFFLINE_MODEL_ID } from '../activities/model/offline/engine';
import { promptVersionsOf } from '../activities/model/prompt-library';
import { validate } from './validate';

export { InvalidRequestError } from './validate';
import { InvalidRequestError } from './validate';
import { contentSubject } from '../activities/decisions/signing';
import { signedDecisionSchema, type DecisionOutcome, type SignedDecision } from '../domain/decisions';
import { searchAttributes as sa } from '../domain/search-attributes';
import {
  customerReplySchema,
  ticketInputSchema,
  type CustomerReply,
  type TicketInput,
  type TicketPolicy,
  type TicketResult,
  type TicketStatus,
} from '../domain/ticket';
import type { resolveTicket } from '../workflows';
import { agentDecisionSignal, customerReplySignal, reviewUpdate, statusQuery } from '../workflows/ticket/messages';
import type { DecisionToSign } from './decisions';

export const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

/** The model that answers a ticket's classification and first draft, whose confidence routing compares. */
export function ticketModelOf(config: Config): string {
  if (config.MODEL_PROVIDER === 'offline') return OFFLINE_MODEL_ID;
  return config.MODEL_PROVIDER === 'bedrock' ? config.BEDROCK_FAST_MODEL_ID : config.MODEL_FAST_ID;
}

/**
 * Reads the calibration file (config/ticket-thresholds.ts) and the ticket prompts the worker serves from prompts/,
 * so call it once at start-up, not per ticket.
 */
export function ticketPolicyFromConfig(config: Config): TicketPolicy {
  const { sendThreshold, reviewThreshold, sendOffReason } = ticketThresholds(
    config,
    ticketModelOf(config),
    promptVersionsOf(calibratedPromptIds),
  );
  return {
    sendThreshold,
    reviewThreshold,
    ...(sendOffReason ? { sendOffReason } : {}),
    reviewDeadlineMs: config.TICKET_REVIEW_DEADLINE,
    clarificationTimeoutMs: config.TICKET_CLARIFICATION_TIMEOUT,
    maxClarifications: 1,
    knowledgeTopK: config.KNOWLEDGE_TOP_K,
    modelCallTimeoutMs: config.MODEL_CALL_TIMEOUT,
    strongModelOn: config.TICKET_STRONG_MODEL_ON,
    strongModelBelow: config.TICKET_STRONG_MODEL_BELOW,
  };
}

/** An agent's verdict before it is signed: an edit carries the text to send instead of the draft. */
export interface ReviewVerdict {
  decision: 'approve' | 'edit' | 'reject';
  editedReply?: string;
  reason: string;
}

/** Thrown when a ticket is not waiting for an agent, so there is no draft a decision could name. */
export class NotAwaitingReviewError extends Error {
  override readonly name = 'NotAwaitingReviewError';
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
    /**
     * The fields to sign for a verdict on the draft this ticket is reviewing now: its run, and the hash of that draft
     * (approve, reject) or of the edited text (edit). Sign them with `signDecision`, or the API's `signAsPrincipal`.
     */
    async reviewToSign(ticketId: string, verdict: ReviewVerdict): Promise<Omit<DecisionToSign, 'identity'>> {
      const status = await handle(ticketId).query(statusQuery);
      if (status.stage !== 'awaiting_agent' || status.reviewDraft === null) {
        throw new NotAwaitingReviewError(`ticket ${ticketId} is ${status.stage}, not awaiting an agent`);
      }
      // The verifier hashes the trimmed edit, and the workflow sends exactly that.
      const edited = verdict.decision === 'edit' ? verdict.editedReply?.trim() : undefined;
      if (verdict.decision === 'edit' && !edited)
        throw new InvalidRequestError('review', ['an edit needs editedReply']);
      return {
        kind: 'ticket_review',
        workflowId: ticketWorkflowId(ticketId),
        runId: status.runId,
        subject: contentSubject(edited ?? status.reviewDraft),
        decision: verdict.decision,
        reason: verdict.reason,
        ...(edited ? { payload: { editedReply: edited } } : {}),
      };
    },
    /** A signed review decision through the `review` update: says at once whether it counted, and why not. */
    async decide(ticketId: string, signed: SignedDecision): Promise<DecisionOutcome> {
      const decision = validate(signedDecisionSchema, signed, 'signed decision');
      return handle(ticketId).executeUpdate(reviewUpdate, { args: [decision] });
    },
    /** The same as a signal (fire and forget): the verdict is in the ticket's history and its result. */
    async sendAgentDecision(ticketId: string, signed: SignedDecision): Promise<void> {
      await handle(ticketId).signal(agentDecisionSignal, validate(signedDecisionSchema, signed, 'signed decision'));
    },
  };
}

export type TicketClient = ReturnType<typeof createTicketClient>;
