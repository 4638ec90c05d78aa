import { z } from 'zod';
import { ticketInputSchema } from '../../../domain/ticket';
import { ticketWorkflowId } from '../../tickets';
import type { ApiContext } from '../context';
import { conflict } from '../errors';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';
import { feedbackRoute } from './ticket-feedback';
import { ticketExecution, ticketParams } from './ticket-lookup';

const reviewBody = z
  .object({
    decision: z.enum(['approve', 'edit', 'reject']),
    editedReply: z.string().trim().min(1).max(4000).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'edit' || d.editedReply !== undefined, 'an edit needs editedReply');

const accepted = z.object({ workflowId: z.string() });

export function ticketRoutes(context: ApiContext): ApiRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/tickets',
      summary: 'Open a ticket',
      description: 'Idempotent on ticketId: a second request for a running ticket returns it with started=false.',
      tags: ['tickets'],
      body: ticketInputSchema,
      status: 202,
      responses: {
        202: {
          description: 'Started (or already running)',
          schema: accepted.extend({ ticketId: z.string(), started: z.boolean() }),
        },
      },
      handler: async ({ body }) => {
        const { workflowId, started } = await context.tickets.start(body);
        if (started) context.metrics.workflowStarted('ticket');
        return { workflowId, ticketId: body.ticketId, started };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/tickets/:id',
      summary: "A ticket's stage, route and draft; its result once complete",
      tags: ['tickets'],
      params: ticketParams,
      responses: { 200: { description: 'The ticket' }, 404: { description: 'No such ticket' } },
      handler: async ({ params }) => {
        const execution = await ticketExecution(context, params.id);
        const status = await context.tickets.status(params.id);
        const result = execution === 'COMPLETED' ? await context.tickets.result(params.id) : undefined;
        return { workflowId: ticketWorkflowId(params.id), execution, status, ...(result ? { result } : {}) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/messages',
      summary: "The customer's answer to a clarifying question",
      tags: ['tickets'],
      params: ticketParams,
      body: z.object({ message: ticketInputSchema.shape.message }).strict(),
      status: 202,
      responses: {
        202: { description: 'Delivered to the ticket', schema: accepted },
        409: { description: 'The ticket is not waiting for the customer' },
      },
      handler: async ({ params, body }) => {
        await ticketExecution(context, params.id);
        const { stage } = await context.tickets.status(params.id);
        if (stage !== 'awaiting_customer') throw conflict('not_awaiting_customer', `ticket is ${stage}`);
        await context.tickets.sendCustomerReply(params.id, body);
        return { workflowId: ticketWorkflowId(params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/review',
      summary: "An agent's decision on a held draft",
      description: 'agentId is the identity of your API key; a body that names one is refused.',
      tags: ['tickets'],
      params: ticketParams,
      body: reviewBody,
      identityFromKey: true,
      status: 202,
      responses: {
        202: {
          description: 'Delivered to the ticket',
          schema: accepted.extend({ decision: z.string(), agentId: z.string() }),
        },
        409: { description: 'The ticket is not waiting for an agent' },
      },
      handler: async ({ params, body, principal }) => {
        const agentId = requirePrincipal(principal).identity;
        await ticketExecution(context, params.id);
        const { stage } = await context.tickets.status(params.id);
        if (stage !== 'awaiting_agent') throw conflict('not_awaiting_review', `ticket is ${stage}`);
        await context.tickets.sendAgentDecision(params.id, { ...body, agentId });
        context.metrics.decision('ticket_review', body.decision);
        return { workflowId: ticketWorkflowId(params.id), decision: body.decision, agentId };
      },
    }),
    feedbackRoute(context),
  ];
}
