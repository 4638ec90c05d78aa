import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DecisionOutcome } from '../../domain/decisions';
import type { CustomerReply, TicketStatus } from '../../domain/ticket';

export const statusQuery = defineQuery<TicketStatus>('status');
/**
 * An agent's signed decision (domain/decisions.ts, kind ticket_review), as a signal or as the `review` update, which
 * tells the caller at once whether it counted. Signals take `unknown`: what arrives is checked, never trusted.
 */
export const agentDecisionSignal = defineSignal<[unknown]>('agentDecision');
export const reviewUpdate = defineUpdate<DecisionOutcome, [unknown]>('review');
export const customerReplySignal = defineSignal<[CustomerReply]>('customerReply');
