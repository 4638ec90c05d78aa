import { z } from 'zod';
import { fraudSubject } from '../../../domain/decisions';
import { fraudDecisionWorkflowId } from '../../fraud';
import { calendarDate } from '../calendar';
import type { ApiContext } from '../context';
import { ApiError, notFound } from '../errors';
import { relayedDecision, signAsPrincipal } from '../issuer';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';
import { findFraudFlag, listFraudFlags } from '../../../activities/fraud/review-queue';

const isoDate = calendarDate();
const fraudDecisions = ['confirmed_fraud', 'investigating', 'closed_legitimate'] as const;

/** A verdict for the API to sign for the key's identity, or one the analyst signed with their own key. */
const decisionBody = z
  .object({
    decision: z.enum(fraudDecisions).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    signed: z.unknown().optional(),
  })
  .strict()
  .refine((b) => (b.decision === undefined) !== (b.signed === undefined) && !(b.signed && b.reason), {
    message: 'send either decision (and an optional reason) or signed',
  });

const flagsQuery = z
  .object({
    sweepDate: isoDate.optional(),
    status: z.enum(['open', ...fraudDecisions, 'all']).default('open'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const flagItem = z.object({
  id: z.string(),
  sweepDate: z.string(),
  accountId: z.string(),
  patterns: z.array(z.string()),
  evidence: z.record(z.string(), z.unknown()),
  narrative: z.string(),
  riskLevel: z.string(),
  recommendedActions: z.array(z.string()),
  verified: z.boolean(),
  unverifiedFigures: z.array(z.string()),
  status: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export function fraudRoutes(context: ApiContext): ApiRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/fraud/sweeps',
      summary: 'Run the fraud sweep for a date (default: today, UTC)',
      tags: ['fraud'],
      body: z.object({ sweepDate: isoDate.optional() }).strict(),
      status: 202,
      responses: {
        202: { description: 'Sweep started', schema: z.object({ workflowId: z.string() }) },
        409: { description: 'A sweep for this date is already running' },
      },
      handler: async ({ body }) => {
        const sweepDate = body.sweepDate ?? context.now().toISOString().slice(0, 10);
        const { workflowId } = await context.fraud.startSweep(sweepDate);
        context.metrics.workflowStarted('fraud_sweep');
        return { workflowId };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/fraud/flags',
      summary: "The analysts' review queue",
      tags: ['fraud'],
      query: flagsQuery,
      responses: { 200: { description: 'Flags, newest sweep first', schema: z.object({ items: z.array(flagItem) }) } },
      handler: async ({ query }) => {
        return { items: await listFraudFlags(context.pool, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/fraud/flags/:id/decision',
      summary: "An analyst's decision on a flag",
      description:
        'The analyst is the identity of your API key: send `decision` for the API to sign for you, or `signed`, a ' +
        'verdict you signed with your own key for that identity. Closing as legitimate allowlists the patterns.',
      tags: ['fraud'],
      params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'a flag id') }).strict(),
      body: decisionBody,
      identityFromKey: true,
      responses: {
        200: {
          description: 'Recorded',
          schema: z.object({
            id: z.string(),
            decision: z.string(),
            analyst: z.string(),
            updated: z.boolean(),
            allowlisted: z.number(),
          }),
        },
        403: { description: 'A signed verdict for another identity' },
        404: { description: 'No such flag' },
        422: { description: 'The verdict was verified and refused: the reason says why' },
      },
      handler: async ({ params, body, principal }) => {
        const who = requirePrincipal(principal);
        const flag = await findFraudFlag(context.pool, params.id);
        if (!flag) throw notFound('flag');
        const signed =
          body.signed !== undefined || !body.decision
            ? relayedDecision(body.signed, who.identity, 'verdict')
            : signAsPrincipal(context, who, {
                kind: 'fraud',
                workflowId: fraudDecisionWorkflowId(flag, who.identity),
                // A verdict starts a run of its own, so no run id exists to sign; the nonce keeps it single-use.
                runId: '*',
                subject: fraudSubject(flag.accountId, flag.sweepDate),
                decision: body.decision,
                reason: body.reason ?? `${body.decision.replace(/_/g, ' ')} through the API`,
              });
        // The flag from the URL, not the statement: a verdict signed for another account is refused by the run.
        const outcome = await context.fraud.decide(signed, flag);
        context.metrics.decision('fraud_decision', outcome.recorded ? outcome.decision! : 'refused');
        if (!outcome.recorded) throw new ApiError(422, 'decision_refused', outcome.refusal ?? 'refused');
        const { updated, allowlisted } = outcome;
        return { id: params.id, decision: outcome.decision, analyst: outcome.analyst, updated, allowlisted };
      },
    }),
  ];
}
