import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { AgentDecision, CustomerReply, TicketStatus } from '../../domain/ticket';

export const statusQuery = defineQuery<TicketStatus>('status');
export const agentDecisionSignal = defineSignal<[AgentDecision]>('agentDecision');
export const customerReplySignal = defineSignal<[CustomerReply]>('customerReply');
