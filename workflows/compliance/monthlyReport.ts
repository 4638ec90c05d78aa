import {
  ApplicationFailure,
  condition,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { Activities } from '../../activities';
import {
  periodSchema,
  reviewSchema,
  type ComplianceReport,
  type FactMismatch,
  type IncidentFacts,
  type Period,
  type Review,
} from '../../domain/compliance/facts';
import { nonRetryableErrorTypes } from '../../domain/errors';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { workflowNow } from '../clock';
import { localDate } from '../fault/policy';
import { reviewSignal, reviewStatusQuery } from './messages';
import { assessBreach, monthPeriod, previousMonth, renderCsv, renderSummary, verdictOf } from './rules';

const retry: RetryPolicy = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  nonRetryableErrorTypes,
};
const backend = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { ...retry, maximumAttempts: 10 } });
const model = proxyActivities<Activities>({
  startToCloseTimeout: '30s',
  heartbeatTimeout: '10s',
  retry: { ...retry, backoffCoefficient: 1.5, maximumInterval: '20s', maximumAttempts: 8 },
});

export interface ComplianceReportInput {
  /** YYYY-MM; or an explicit period; or neither, for the month before today in Sydney (the scheduled run). */
  month?: string;
  period?: Period;
}

function apply(facts: IncidentFacts[], review: Review): IncidentFacts[] {
  return facts.map((f) => {
    const fixed: IncidentFacts = { ...f };
    for (const c of review.corrections.filter((x) => x.incidentId === f.incidentId)) {
      if (c.field === 'customersAffected') fixed.customersAffected = c.value === null ? null : Number(c.value);
      else if (c.field === 'type') fixed.type = c.value as IncidentFacts['type'];
      else if (c.field === 'date' && c.value) fixed.date = c.value;
      else if (c.field === 'dateReported') fixed.dateReported = c.value;
    }
    return fixed;
  });
}

/** ACMA's monthly data-breach report: the model reads the records; code decides every figure and the verdict. */
export async function monthlyComplianceReport(input: ComplianceReportInput = {}): Promise<ComplianceReport> {
  const today = localDate(workflowNow(), 'Australia/Sydney');
  const candidate = input.period ?? (input.month ? monthPeriod(input.month) : previousMonth(today));
  const parsed = periodSchema.safeParse(candidate);
  if (!parsed.success || (input.month && !/^\d{4}-\d{2}$/.test(input.month))) {
    throw ApplicationFailure.create({ type: 'InvalidInput', message: 'month must be YYYY-MM', nonRetryable: true });
  }
  const period = parsed.data;
  let stage = 'loading';
  let mismatches: FactMismatch[] = [];
  let review: Review | null = null;
  setHandler(reviewSignal, (value) => {
    const result = reviewSchema.safeParse(value);
    if (result.success && !review) review = result.data;
    else log.warn('ignored review signal', { valid: result.success });
  });
  setHandler(reviewStatusQuery, () => ({ stage, waitingForReview: stage === 'awaiting_review', mismatches }));
  upsertSearchAttributes([{ key: sa.UseCase, value: 'acma_report' }]);

  const { incidentIds } = await backend.loadIncidents({ period });
  stage = 'extracting';
  const extracted = await Promise.all(incidentIds.map((incidentId) => model.extractIncidentFacts({ incidentId })));
  let facts = extracted.map((e) => e.facts);
  mismatches = extracted.flatMap((e) => e.mismatches);

  if (mismatches.length) {
    stage = 'awaiting_review';
    await backend.openComplianceReview({ mismatches });
    await condition(() => review !== null);
    const decided = review as Review | null;
    if (decided) {
      await backend.resolveComplianceReview(decided);
      facts = apply(facts, decided);
    }
  }

  stage = 'reporting';
  const breaches = facts.filter((f) => f.type === 'data_breach').map((f) => assessBreach(f, today));
  const csv = renderCsv(breaches);
  const summary = renderSummary(breaches, period);
  const verdict = verdictOf(breaches);
  const reviewer = (review as Review | null)?.reviewer ?? null;
  const stored = await backend.storeComplianceReport({ period, csv, summary, verdict, reviewer });
  upsertSearchAttributes([{ key: sa.Decision, value: verdict }]);
  stage = 'completed';
  return {
    period,
    asOf: today,
    verdict,
    csv,
    summary,
    breaches: breaches.length,
    customersAffected: breaches.reduce((sum, b) => sum + (b.customersAffected ?? 0), 0),
    reviewer,
    version: stored.version,
    path: stored.path,
  };
}
