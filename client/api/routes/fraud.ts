import { z } from 'zod';
import type { ApiContext } from '../context';
import { notFound } from '../errors';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const fraudDecisions = ['confirmed_fraud', 'investigating', 'closed_legitimate'] as const;

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
        const { rows } = await context.pool.query(
          `SELECT id::text AS id, sweep_date::text AS "sweepDate", account_id::text AS "accountId", patterns, evidence,
                  narrative, risk_level AS "riskLevel", recommended_actions AS "recommendedActions", verified,
                  unverified_figures AS "unverifiedFigures", status, decided_by AS "decidedBy",
                  to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "decidedAt"
             FROM fraud_review_queue
            WHERE ($1::date IS NULL OR sweep_date = $1::date) AND ($2 = 'all' OR status = $2)
            ORDER BY sweep_date DESC, id LIMIT $3`,
          [query.sweepDate ?? null, query.status, query.limit],
        );
        return { items: rows };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/fraud/flags/:id/decision',
      summary: "An analyst's decision on a flag",
      description: 'The analyst is the identity of your API key. Closing as legitimate allowlists the patterns.',
      tags: ['fraud'],
      params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'a flag id') }).strict(),
      body: z.object({ decision: z.enum(fraudDecisions) }).strict(),
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
        404: { description: 'No such flag' },
      },
      handler: async ({ params, body, principal }) => {
        const analyst = requirePrincipal(principal).identity;
        const { rows } = await context.pool.query<{ sweepDate: string; accountId: string }>(
          'SELECT sweep_date::text AS "sweepDate", account_id::text AS "accountId" FROM fraud_review_queue WHERE id = $1',
          [params.id],
        );
        const flag = rows[0];
        if (!flag) throw notFound('flag');
        const outcome = await context.fraud.decide({ ...flag, decision: body.decision, analyst });
        context.metrics.decision('fraud_decision', body.decision);
        return { id: params.id, decision: body.decision, analyst, ...outcome };
      },
    }),
  ];
}
