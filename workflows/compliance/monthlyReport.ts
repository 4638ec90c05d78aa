import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import {
  periodSchema,
  type ComplianceReport,
  type FactMismatch,
  type Period,
  type Review,
} from '../../domain/compliance/facts';
import { ErrorTypes } from '../../domain/errors';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { auditAttributes, modelAttributes, showDetails } from '../audit';
import { workflowNow } from '../clock';
import { localDate } from '../../domain/calendar';
import { reviewStatusQuery } from './messages';
import { applyCorrections, ReviewDesk } from './review-desk';
import { acceptReviews } from './review-handlers';
import { compileReport, monthPeriod, previousMonth } from './rules';
import { modelCallOptions } from '../model-retry';
import { retryPolicy } from '../retry';

const retry = retryPolicy('30s');
const backend = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { ...retry, maximumAttempts: 10 } });
const model = proxyActivities<Activities>(modelCallOptions('30s'));

export interface ComplianceReportInput {
  /** YYYY-MM; or an explicit period; or neither, for the month before today in Sydney (the scheduled run). */
  month?: string;
  period?: Period;
  /** YYYY-MM-DD in Sydney: the day the 30-day rule is read on. Default today, by workflow time; the same month and
   * the same asOf give the same report, byte for byte. */
  asOf?: string;
}

/** A real calendar day: "2026-02-31" is refused rather than read as 3 March. */
const isoDay = (s: unknown) =>
  typeof s === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** ACMA's monthly data-breach report: the model reads the records; code decides every figure and the verdict. */
export async function monthlyComplianceReport(input: ComplianceReportInput = {}): Promise<ComplianceReport> {
  if (input.asOf !== undefined && !isoDay(input.asOf)) {
    throw ApplicationFailure.create({
      type: ErrorTypes.InvalidInput,
      message: 'asOf must be YYYY-MM-DD',
      nonRetryable: true,
    });
  }
  const today = input.asOf ?? localDate(workflowNow(), 'Australia/Sydney');
  const candidate = input.period ?? (input.month ? monthPeriod(input.month) : previousMonth(today));
  const parsed = periodSchema.safeParse(candidate);
  if (!parsed.success || (input.month && !/^\d{4}-\d{2}$/.test(input.month))) {
    throw ApplicationFailure.create({
      type: ErrorTypes.InvalidInput,
      message: 'month must be YYYY-MM',
      nonRetryable: true,
    });
  }
  const period = parsed.data;
  let stage = 'loading';
  let mismatches: FactMismatch[] = [];
  let incidents = 0;
  const desk = new ReviewDesk();
  const { workflowId, runId } = workflowInfo();
  const publish = (next: string, verdict?: string) => {
    stage = next;
    showDetails(`ACMA data-breach report ${period.start} to ${period.end}: ${verdict ?? next.replace(/_/g, ' ')}`, [
      `${incidents} incidents in the period`,
      mismatches.length > 0 && `${mismatches.length} extracted facts disagree with the records`,
      stage === 'awaiting_review' && 'Waiting for a compliance reviewer to confirm the figures',
      desk.decided && `Reviewed by ${desk.decided.reviewer}`,
    ]);
  };
  acceptReviews(desk, { workflowId, runId });
  setHandler(reviewStatusQuery, () => ({
    stage,
    waitingForReview: stage === 'awaiting_review',
    mismatches,
    runId,
    ignored: desk.ignored,
  }));
  upsertSearchAttributes([{ key: sa.UseCase, value: 'acma_report' }]);

  publish('loading');
  const { incidentIds } = await backend.loadIncidents.executeWithOptions(
    { summary: `Load incidents from ${period.start} to ${period.end}` },
    [{ period }],
  );
  incidents = incidentIds.length;
  publish('extracting');
  const extracted = await Promise.all(
    incidentIds.map((incidentId) =>
      model.extractIncidentFacts.executeWithOptions({ summary: `Extract the facts of ${incidentId}` }, [
        { incidentId },
      ]),
    ),
  );
  let facts = extracted.map((e) => e.facts);
  mismatches = extracted.flatMap((e) => e.mismatches);

  if (mismatches.length) {
    publish('awaiting_review');
    desk.open(mismatches);
    await backend.openComplianceReview.executeWithOptions(
      { summary: `Open a review of ${mismatches.length} facts that disagree with the records` },
      [{ mismatches }],
    );
    // Runs recorded before this keep their command order; from now on the month reads PENDING_REVIEW, with its
    // open items, wherever anyone looks while the reviewer has not answered: never a PASS nobody settled.
    if (patched('acma-pending-review')) {
      const pending = compileReport(facts, mismatches, today, period);
      await backend.storeComplianceReport.executeWithOptions(
        { summary: `Store the report: PENDING_REVIEW, ${mismatches.length} open items` },
        [{ period, csv: pending.csv, summary: pending.summary, verdict: pending.verdict, reviewer: null }],
      );
      upsertSearchAttributes([{ key: sa.Decision, value: pending.verdict }]);
    }
    await condition(() => desk.decided !== null);
    const decided = desk.decided as Review | null;
    if (decided) {
      const summary = `Apply ${decided.corrections.length} corrections from ${decided.reviewer}`;
      await backend.resolveComplianceReview.executeWithOptions({ summary }, [decided]);
      facts = applyCorrections(facts, decided);
    }
  }
  desk.close(mismatches.length ? 'the figures were already settled' : 'no figures needed a review');

  publish('reporting');
  // A counted review settles every item it questioned: the ones it corrects and the ones it confirms as extracted.
  const { breaches, csv, summary, verdict } = compileReport(facts, [], today, period);
  // The verified identity of the signed review that counted: never a name typed into a signal.
  const reviewer = desk.decided?.reviewer ?? null;
  const stored = await backend.storeComplianceReport.executeWithOptions(
    { summary: `Store the report: ${verdict}, ${breaches.length} data breaches` },
    [{ period, csv, summary, verdict, reviewer }],
  );
  upsertSearchAttributes([{ key: sa.Decision, value: verdict }]);
  auditAttributes([
    ...(reviewer ? [{ key: sa.Approver, value: reviewer }] : []),
    ...modelAttributes(extracted.map((e) => e.call)),
  ]);
  publish('completed', `${verdict}, version ${stored.version}`);
  // Reviews still being verified are finished and recorded before the run closes.
  await condition(allHandlersFinished);
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
    ignoredReviews: desk.ignored,
  };
}
