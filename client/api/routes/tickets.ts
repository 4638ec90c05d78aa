import { z } from 'zod';
import { signedDecisionSchema, type SignedDecision } from '../../../domain/decisions';
import { ticketInputSchema } from '../../../domain/ticket';
import { NotAwaitingReviewError, ticketWorkflowId } from '../../tickets';
import type { ApiContext } from '../context';
import { decisionDeadlineMs, inTime, workerUnavailable } from '../deadline';
import { ApiError, conflict } from '../errors';
import { signAsPrincipal } from '../issuer';
import type { Principal } from '../../../security/api-keys';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';
import { feedbackRoute } from './ticket-feedback';
import { ticketExecution, ticketParams } from './ticket-lookup';

/** Either a verdict the API signs for the key's identity, or one the agent signed with their own key. */
const reviewBody = z.union([
  z
    .object({
      decision: z.enum(['approve', 'edit', 'reject']),
      editedReply: z.string().trim().min(1).max(4000).optional(),
      /** Signed as the statement's reason, which is at most 500 characters. */
      note: z.string().max(500).optional(),
    })
    .strict()
    .refine((d) => d.decision !== 'edit' || d.editedReply !== undefined, 'an edit needs editedReply'),
  z.object({ signed: signedDecisionSchema }).strict(),
]);
type ReviewBody = z.infer<typeof reviewBody>;

const accepted = z.object({ workflowId: z.string() });

export function ticketRoutes(context: ApiContext): ApiRoute[] {
  /** The decision to send: signed here for the key's identity, or the agent's own for that same identity. */
  async function signedFor(ticketId: string, body: ReviewBody, agent: Principal): Promise<SignedDecision> {
    const { stage } = await inTime(context, `ticket ${ticketId}`, () => context.tickets.status(ticketId));
    if (stage !== 'awaiting_agent') throw conflict('not_awaiting_review', `ticket is ${stage}`);
    if ('signed' in body) {
      const { identity, role } = body.signed.statement;
      if (identity !== agent.identity || role !== 'agent') {
        throw new ApiError(
          403,
          'not_your_decision',
          `signed for ${role}:${identity}, but your key is ${agent.identity}`,
        );
      }
      return body.signed;
    }
    try {
      const reason = body.note || `${body.decision} through the API`;
      const toSign = await inTime(context, `ticket ${ticketId}`, () =>
        context.tickets.reviewToSign(ticketId, { ...body, reason }),
      );
      return signAsPrincipal(context, agent, toSign);
    } catch (error) {
      throw error instanceof NotAwaitingReviewError ? conflict('not_awaiting_review', error.message) : error;
    }
  }

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
      responses: { 200: { description: 'The ticket' }, 404: { description: 'No such ticket' }, 503: workerUnavailable },
      handler: async ({ params }) =>
        inTime(context, `ticket ${params.id}`, async () => {
          const execution = await ticketExecution(context, params.id);
          const status = await context.tickets.status(params.id);
          const result = execution === 'COMPLETED' ? await context.tickets.result(params.id) : undefined;
          return { workflowId: ticketWorkflowId(params.id), execution, status, ...(result ? { result } : {}) };
        }),
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
        404: { description: 'No such ticket' },
        409: { description: 'The ticket is not waiting for the customer' },
        503: workerUnavailable,
      },
      handler: async ({ params, body }) => {
        await ticketExecution(context, params.id);
        const { stage } = await inTime(context, `ticket ${params.id}`, () => context.tickets.status(params.id));
        if (stage !== 'awaiting_customer') throw conflict('not_awaiting_customer', `ticket is ${stage}`);
        await context.tickets.sendCustomerReply(params.id, body);
        return { workflowId: ticketWorkflowId(params.id) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/tickets/:id/review',
      summary: "An agent's signed decision on a held draft",
      description:
        'The API signs the verdict for the identity of your API key, or relays `{signed}`, a decision you signed with ' +
        'your own registered key for that identity. The ticket verifies it before it counts.',
      tags: ['tickets'],
      params: ticketParams,
      body: reviewBody,
      identityFromKey: true,
      status: 202,
      responses: {
        202: {
          description: 'The decision counted',
          schema: accepted.extend({
            decision: z.string(),
            agentId: z.string(),
            outcome: z.object({ counted: z.boolean(), reason: z.string(), identity: z.string().nullable() }),
          }),
        },
        403: { description: 'The ticket refused the decision (the verifier says why), or it is not yours to relay' },
        409: { description: 'The ticket is not waiting for an agent' },
        503: workerUnavailable,
      },
      handler: async ({ params, body, principal }) => {
        const agent = requirePrincipal(principal);
        await ticketExecution(context, params.id);
        const signed = await signedFor(params.id, body, agent);
        const outcome = await inTime(
          context,
          `ticket ${params.id}`,
          () => context.tickets.decide(params.id, signed),
          decisionDeadlineMs,
        );
        const { decision } = signed.statement;
        context.metrics.decision('ticket_review', outcome.counted ? decision : 'refused');
        if (!outcome.counted) {
          const late = /^(no review is open|already decided)/.test(outcome.reason);
          throw late
            ? conflict('not_awaiting_review', outcome.reason)
            : new ApiError(403, 'decision_refused', outcome.reason);
        }
        return { workflowId: ticketWorkflowId(params.id), decision, agentId: agent.identity, outcome };
      },
    }),
    feedbackRoute(context),
  ];
}
