import { z } from 'zod';
import { verdicts } from '../../../domain/compliance/facts';
import { createComplianceClient, fetchLatestReport } from '../../compliance';
import { calendarDate, calendarMonth } from '../calendar';
import type { ApiContext } from '../context';
import { notFound } from '../errors';
import { defineRoute, type ApiRoute } from '../route';

const reportSchema = z.object({
  month: z.string(),
  version: z.number(),
  verdict: z.enum(verdicts),
  reviewer: z.string().nullable(),
  summary: z.string(),
  csv: z.string(),
  createdAt: z.string(),
});

const monthParams = z.object({ month: calendarMonth() }).strict();

export function reportRoutes(context: ApiContext): ApiRoute[] {
  const compliance = createComplianceClient({ client: context.client, taskQueue: context.config.TEMPORAL_TASK_QUEUE });
  return [
    defineRoute({
      method: 'POST',
      url: '/reports/acma/:month/runs',
      summary: "Run a month's ACMA report now, as of a given date",
      description:
        'asOf (YYYY-MM-DD, default today in Sydney) fixes what PENDING and due dates are measured against, so a past ' +
        'report can be reproduced byte for byte. One run per month and asOf: a second request joins the first.',
      tags: ['reports'],
      params: monthParams,
      body: z.object({ asOf: calendarDate('asOf must be YYYY-MM-DD').optional() }).strict(),
      status: 202,
      responses: {
        202: { description: 'Started or joined', schema: z.object({ workflowId: z.string(), started: z.boolean() }) },
      },
      handler: async ({ params, body }) => {
        const started = await compliance.startReport(params.month, body.asOf ? { asOf: body.asOf } : {});
        if (started.started) context.metrics.workflowStarted('acma_report');
        return started;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/reports/acma/:month',
      summary: 'The latest stored ACMA data-breach report for a month',
      description: 'JSON by default; CSV with ?format=csv or Accept: text/csv.',
      tags: ['reports'],
      params: monthParams,
      query: z.object({ format: z.enum(['json', 'csv']).optional() }).strict(),
      responses: {
        200: { description: 'The report', schema: reportSchema, contentTypes: ['application/json', 'text/csv'] },
        404: { description: 'No stored report for that month' },
      },
      handler: async ({ params, query, request, reply }) => {
        const report = await fetchLatestReport(context.pool, params.month);
        if (!report) throw notFound(`report for ${params.month}`);
        const wantsCsv =
          query.format === 'csv' || (!query.format && /\btext\/csv\b/.test(request.headers.accept ?? ''));
        if (wantsCsv) return reply.type('text/csv; charset=utf-8').send(report.csv);
        return {
          month: params.month,
          version: report.version,
          verdict: report.verdict,
          reviewer: report.reviewer,
          summary: report.summary,
          csv: report.csv,
          createdAt: new Date(report.created_at).toISOString(),
        };
      },
    }),
  ];
}
