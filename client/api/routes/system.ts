import { z } from 'zod';
import type { ApiContext } from '../context';
import { buildOpenApiDocument } from '../openapi';
import { defineRoute, type ApiRoute } from '../route';

const okSchema = z.object({ ok: z.boolean() });

/** Probes, the OpenAPI document and the Prometheus scrape. */
export function systemRoutes(context: ApiContext, allRoutes: () => ApiRoute[]): ApiRoute[] {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return [
    defineRoute({
      method: 'GET',
      url: '/healthz',
      summary: 'Liveness: the process answers',
      tags: ['system'],
      responses: { 200: { description: 'Alive', schema: okSchema } },
      handler: async () => ({ ok: true }),
    }),
    defineRoute({
      method: 'GET',
      url: '/readyz',
      summary: 'Readiness: PostgreSQL and Temporal answer',
      tags: ['system'],
      responses: {
        200: { description: 'Ready', schema: okSchema },
        503: { description: 'A dependency is down', schema: okSchema.extend({ failing: z.array(z.string()) }) },
      },
      handler: async ({ reply }) => {
        const checks = await Promise.allSettled([
          context.pool.query('SELECT 1'),
          context.client.workflowService.getSystemInfo({}),
        ]);
        const failing = (['postgres', 'temporal'] as const).filter((_, i) => checks[i]!.status === 'rejected');
        if (failing.length) return reply.code(503).send({ ok: false, failing });
        return { ok: true };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/openapi.json',
      summary: 'This document',
      tags: ['system'],
      responses: { 200: { description: 'OpenAPI 3.1' } },
      handler: async () => (document ??= buildOpenApiDocument(allRoutes())),
    }),
    defineRoute({
      method: 'GET',
      url: '/metrics',
      summary: 'Prometheus metrics (switchboard_*)',
      description:
        'Latency histogram by route, workflows started and decisions sent (this process), and model cost, ticket ' +
        'routes, escalations and feedback per use case (computed at scrape time from PostgreSQL and Temporal).',
      tags: ['system'],
      responses: { 200: { description: 'Prometheus text format', contentTypes: ['text/plain'] } },
      handler: async ({ reply }) => {
        const text = await context.metrics.registry.metrics();
        return reply.type(context.metrics.registry.contentType).send(text);
      },
    }),
  ];
}
