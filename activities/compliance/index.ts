import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import { crossCheck } from '../../domain/compliance/cross-check';
import {
  periodSchema,
  reviewSchema,
  type FactMismatch,
  type IncidentFacts,
  type Period,
  verdicts,
} from '../../domain/compliance/facts';
import type { ModelCallRecord } from '../../domain/model-call';
import { parseInput } from '../boundary';
import { withHeartbeat } from '../heartbeat';
import type { ModelGateway } from '../model/contract';
import type { PromptTemplate } from '../model/prompt-library';
import { activityDecisionKey, appendDecision, personActor } from '../audit/decisions';
import { recordCall } from '../audit/model-calls';
import { exchangeOf, type AuditSampling } from '../audit/sampling';
import { extractIncidentRequest } from './extract-request';
import { readIncident } from './incidents';
import { callerId } from '../caller';

export interface ComplianceActivityDeps {
  pool: Pool;
  gateway: ModelGateway;
  prompts: { extractIncident: PromptTemplate };
  reportsDir: string;
  audit?: AuditSampling;
}

const storeInput = z.object({
  period: periodSchema,
  csv: z.string().min(1),
  summary: z.string().min(1),
  verdict: z.enum(verdicts),
  reviewer: z.string().nullable(),
});

export function createComplianceActivities({ pool, gateway, prompts, reportsDir, audit }: ComplianceActivityDeps) {
  const workflowId = callerId;
  return {
    /** Incidents whose date at the operator (Sydney) falls in the period: a late-night incident counts on its local day. */
    async loadIncidents(input: { period: Period }): Promise<{ incidentIds: string[] }> {
      const period = parseInput(periodSchema, input.period, 'loadIncidents');
      const result = await pool.query(
        `SELECT id FROM incidents
          WHERE (opened_at AT TIME ZONE 'Australia/Sydney')::date BETWEEN $1::date AND $2::date ORDER BY id`,
        [period.start, period.end],
      );
      return { incidentIds: result.rows.map((row) => row.id as string) };
    },

    async extractIncidentFacts(input: {
      incidentId: string;
    }): Promise<{ facts: IncidentFacts; mismatches: FactMismatch[]; call: ModelCallRecord }> {
      const incidentId = parseInput(z.string().min(1), input.incidentId, 'extractIncidentFacts');
      const { incident, source } = await readIncident(pool, incidentId);
      const request = extractIncidentRequest(prompts.extractIncident, incident);
      const response = await withHeartbeat(() => gateway.call(request));
      await recordCall(pool, response.record, audit, exchangeOf(request, response));
      return { facts: response.output, mismatches: crossCheck(response.output, source), call: response.record };
    },

    async openComplianceReview(input: { mismatches: FactMismatch[] }): Promise<{ opened: number }> {
      const id = workflowId();
      let opened = 0;
      for (const m of input.mismatches) {
        const inserted = await pool.query(
          `INSERT INTO compliance_reviews (workflow_id, incident_id, field, extracted, source_excerpt, status)
           SELECT $1, $2, $3, $4, $5, 'open'
            WHERE NOT EXISTS (SELECT 1 FROM compliance_reviews WHERE workflow_id = $1 AND incident_id = $2 AND field = $3)`,
          [id, m.incidentId, m.field, m.extracted, m.problem],
        );
        opened += inserted.rowCount ?? 0;
      }
      return { opened };
    },

    async resolveComplianceReview(input: unknown): Promise<{ resolved: number }> {
      const review = parseInput(reviewSchema, input, 'resolveComplianceReview');
      const result = await pool.query(
        `UPDATE compliance_reviews SET status = 'resolved', resolved_by = $2, resolved_at = now(),
                corrected_value = c.value
           FROM jsonb_to_recordset($3::jsonb) AS c("incidentId" text, field text, value text)
          WHERE workflow_id = $1 AND incident_id = c."incidentId" AND compliance_reviews.field = c.field`,
        [workflowId(), review.reviewer, JSON.stringify(review.corrections)],
      );
      await pool.query(
        `UPDATE compliance_reviews SET status = 'resolved', resolved_by = $2, resolved_at = now()
          WHERE workflow_id = $1 AND status = 'open'`,
        [workflowId(), review.reviewer],
      );
      await appendDecision(pool, {
        action: 'compliance.review_resolved',
        actor: personActor('reviewer', review.reviewer),
        details: { corrections: review.corrections.length, resolved: result.rowCount ?? 0 },
        ...activityDecisionKey('compliance.review_resolved'),
      });
      return { resolved: result.rowCount ?? 0 };
    },

    /** A new version only when the content changed, so re-running an unchanged month stores nothing new. */
    async storeComplianceReport(input: z.input<typeof storeInput>): Promise<{ version: number; path: string }> {
      const report = parseInput(storeInput, input, 'storeComplianceReport');
      const hash = createHash('sha256').update(report.csv).update('\n').update(report.summary).digest('hex');
      const dir = join(reportsDir, 'acma', `${report.period.start}_${report.period.end}`);
      const latest = await pool.query(
        `SELECT version, content_hash FROM compliance_reports WHERE period_start = $1 AND period_end = $2
          ORDER BY version DESC LIMIT 1`,
        [report.period.start, report.period.end],
      );
      let version = latest.rows[0]?.version as number | undefined;
      if (!version || latest.rows[0].content_hash !== hash) {
        version = (version ?? 0) + 1;
        await pool.query(
          `INSERT INTO compliance_reports (period_start, period_end, version, csv, summary, verdict, reviewer, content_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (period_start, period_end, version) DO NOTHING`,
          [
            report.period.start,
            report.period.end,
            version,
            report.csv,
            report.summary,
            report.verdict,
            report.reviewer,
            hash,
          ],
        );
      }
      await mkdir(dir, { recursive: true });
      const path = join(dir, `v${version}.csv`);
      await writeFile(path, report.csv);
      await writeFile(join(dir, `v${version}.summary.txt`), `${report.summary}\n`);
      return { version, path };
    },
  };
}

export type ComplianceActivities = ReturnType<typeof createComplianceActivities>;
