import { z } from 'zod';
import { verdicts } from '../../../domain/compliance/facts';
import { fetchLatestReport } from '../../compliance';
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

export function reportRoutes(context: ApiContext): ApiRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/reports/acma/:month',
      summary: 'The latest stored ACMA data-breach report for a month',
      description: 'JSON by default; CSV with ?format=csv or Accept: text/csv.',
      tags: ['reports'],
      params: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM') }).strict(),
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
