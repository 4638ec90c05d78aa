import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { ComplianceReport } from '../domain/compliance/facts';
import type { DecisionOutcome, SignedDecision } from '../domain/decisions';
import type { monthlyComplianceReport } from '../workflows';
import { reviewSignal, reviewStatusQuery, reviewUpdate, type ReviewStatus } from '../workflows/compliance/messages';
import { monthPeriod } from '../workflows/compliance/rules';
import { InvalidRequestError } from './validate';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function createComplianceClient({ client, taskQueue }: { client: Client; taskQueue: string }) {
  return {
    /**
     * A manual run for any month; one workflow per month id, so a second request joins the first. `asOf` (YYYY-MM-DD)
     * reads the 30-day rule on that day instead of today: the same month and asOf give the same report, byte for byte.
     */
    /** One run per month and asOf: a second request while it runs joins it (`started: false`). */
    async startReport(
      month: string,
      options: { asOf?: string } = {},
    ): Promise<{ workflowId: string; started: boolean }> {
      if (!monthPattern.test(month)) throw new InvalidRequestError('month', ['month must be YYYY-MM']);
      if (options.asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(options.asOf)) {
        throw new InvalidRequestError('asOf', ['asOf must be YYYY-MM-DD']);
      }
      const workflowId = `acma-report-${month}-manual${options.asOf ? `-as-of-${options.asOf}` : ''}`;
      const started = client.workflow.start<typeof monthlyComplianceReport>('monthlyComplianceReport', {
        taskQueue,
        workflowId,
        args: [{ month, ...(options.asOf ? { asOf: options.asOf } : {}) }],
        staticSummary: `ACMA data-breach report for ${month}`,
        staticDetails: `**Month** ${month} (manual run)\n\nFacts the model extracts that disagree with the records wait for a reviewer.`,
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
      try {
        await started;
        return { workflowId, started: true };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
        throw error;
      }
    },
    /** Stage, the mismatches to settle, and the run id a signed review must name. */
    status: (workflowId: string): Promise<ReviewStatus> =>
      client.workflow.getHandle(workflowId).query(reviewStatusQuery),
    /** A signed review as a signal: fire and forget; whether it counted shows in the report's ignored reviews. */
    review: (workflowId: string, signed: SignedDecision) =>
      client.workflow.getHandle(workflowId).signal(reviewSignal, signed),
    /** A signed review as an update: the answer says whether it counted, and why not. */
    decideReview: (workflowId: string, signed: SignedDecision): Promise<DecisionOutcome> =>
      client.workflow.getHandle(workflowId).executeUpdate(reviewUpdate, { args: [signed] }),
    result: (workflowId: string): Promise<ComplianceReport> => client.workflow.getHandle(workflowId).result(),
  };
}

/** The latest stored version of a month's report, as CSV or JSON. */
export async function fetchLatestReport(pool: Pool, month: string) {
  if (!monthPattern.test(month)) throw new InvalidRequestError('month', ['month must be YYYY-MM']);
  const { start, end } = monthPeriod(month);
  const found = await pool.query(
    `SELECT version, csv, summary, verdict, reviewer, created_at FROM compliance_reports
      WHERE period_start = $1 AND period_end = $2 ORDER BY version DESC LIMIT 1`,
    [start, end],
  );
  return found.rows[0] ?? null;
}

export type ComplianceClient = ReturnType<typeof createComplianceClient>;
