import { z } from 'zod';
import { ticketWorkflowId } from '../../tickets';
import type { ApiContext } from '../context';
import { conflict } from '../errors';
import { defineRoute, type ApiRoute } from '../route';
import { ticketExecution, ticketParams } from './ticket-lookup';
import { recordTicketFeedback } from '../../../activities/ticket/feedback';

const feedbackBody = z
  .object({
    helpful: z.boolean(),
    // The customer's own words: stored for the evaluation, never logged.
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

/**
 * One answer per ticket: a second is a 409, not an overwrite, so the drift figures count each customer once and a
 * retried request cannot flip an answer.
 */
export function feedbackRoute(context: ApiContext): ApiRoute {
  return defineRoute({
    method: 'POST',
    url: '/tickets/:id/feedback',
    summary: "The customer's 'was this helpful?'",
    tags: ['tickets'],
    params: ticketParams,
    body: feedbackBody,
    status: 201,
    responses: {
      201: { description: 'Recorded', schema: z.object({ ticketId: z.string(), helpful: z.boolean() }) },
      404: { description: 'No such ticket' },
      409: { description: 'This ticket already has feedback' },
    },
    handler: async ({ params, body }) => {
      await ticketExecution(context, params.id);
      const recorded = await recordTicketFeedback(context.pool, {
        ticketId: params.id,
        workflowId: ticketWorkflowId(params.id),
        helpful: body.helpful,
        comment: body.comment ?? null,
      });
      if (!recorded) throw conflict('feedback_exists', 'this ticket already has feedback');
      context.metrics.decision('ticket_feedback', body.helpful ? 'helpful' : 'not_helpful');
      return { ticketId: params.id, helpful: body.helpful };
    },
  });
}
