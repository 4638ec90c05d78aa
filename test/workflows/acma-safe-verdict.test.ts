import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { contentSubject } from '../../activities/decisions/signing';
import { crossCheck, type IncidentSource } from '../../domain/compliance/cross-check';
import type { ComplianceReport, IncidentFacts } from '../../domain/compliance/facts';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { reviewStatusQuery, reviewUpdate } from '../../workflows/compliance/messages';
import { TestKeyring } from '../support/decision-keys';
import { incidentFacts } from '../support/incident-facts';
import { temporalHarnessForFile, waitFor } from '../support/temporal';
import { fakeCall } from './stub-activities';

const harness = temporalHarnessForFile();

const keyring = new TestKeyring();
const reviewer = 'rev.ng';

/** A breach in other words, reported on day 36: the extraction calls it `other`, so only a review can find it. */
const source: IncidentSource = {
  id: 'INC-7',
  localDate: '2025-01-05',
  description: "Backup tapes holding 2,400 subscribers' names and dates of birth were stolen from a courier van.",
  incidentType: null,
  customersAffected: null,
  reportedOn: ['2025-02-10'],
};
const misread = incidentFacts('INC-7', { type: 'other' });

type Stored = { verdict: string; csv: string; summary: string };

function stubs(facts: IncidentFacts, mismatches = crossCheck(facts, source)) {
  const stored: Stored[] = [];
  const activities = {
    ...keyring.activity(),
    loadIncidents: async () => ({ incidentIds: [facts.incidentId] }),
    extractIncidentFacts: async () => ({ facts, mismatches, call: fakeCall('extract_incident') }),
    openComplianceReview: async () => ({ opened: mismatches.length }),
    resolveComplianceReview: async () => ({ resolved: 1 }),
    storeComplianceReport: async (input: Stored) => {
      stored.push({ verdict: input.verdict, csv: input.csv, summary: input.summary });
      return { version: stored.length, path: `reports/acma/x/v${stored.length}.csv` };
    },
  };
  return { activities, stored };
}

const start = (args: Record<string, unknown>) =>
  harness.client.workflow.start('monthlyComplianceReport', {
    taskQueue: harness.taskQueue,
    workflowId: `acma-safe-${randomUUID()}`,
    args: [{ period: { start: '2025-01-01', end: '2025-01-31' }, ...args }],
  }) as Promise<WorkflowHandle>;

describe('an ACMA report that can never pass by mistake', () => {
  it('holds a misread breach for review as PENDING_REVIEW, and the signed review that settles it gives FAIL', async () => {
    const { activities, stored } = stubs(misread);
    expect(crossCheck(misread, source).map((m) => m.field)).toEqual(['type']);
    const worker = await harness.worker(activities);
    const { report, waiting, handle } = await worker.runUntil(async () => {
      const handle = await start({ asOf: '2025-03-01' });
      const waiting = await waitFor(async () => {
        const s = await handle.query(reviewStatusQuery);
        return s.waitingForReview && stored.length === 1 ? s : undefined;
      }, 'the review wait');
      // The report waits, and everything anyone reads meanwhile says so.
      const pending = (await handle.describe()).typedSearchAttributes.get(sa.Decision);
      expect(pending).toBe('PENDING_REVIEW');
      const corrections = [
        { incidentId: 'INC-7', field: 'type', value: 'data_breach' },
        { incidentId: 'INC-7', field: 'customersAffected', value: '2400' },
        { incidentId: 'INC-7', field: 'dateReported', value: '2025-02-10' },
      ];
      const signed = keyring.sign({
        kind: 'acma_review',
        workflowId: handle.workflowId,
        runId: waiting.runId,
        subject: contentSubject(corrections),
        decision: 'confirm',
        reason: 'a theft of personal information',
        identity: reviewer,
        role: 'reviewer',
        payload: { corrections },
      });
      expect(await handle.executeUpdate(reviewUpdate, { args: [signed] })).toMatchObject({ counted: true });
      return { report: (await handle.result()) as ComplianceReport, waiting, handle };
    });
    expect(waiting.mismatches.map((m) => m.field)).toEqual(['type']);
    expect(stored[0]!.verdict).toBe('PENDING_REVIEW');
    expect(stored[0]!.csv).toBe(
      'incident_id,date,type,customers_affected,date_reported,days_to_report\nINC-7,2025-01-05,pending_review,,,\n',
    );
    expect(stored[0]!.summary).toMatch(
      /Not final: 1 open review item: INC-7 type \(the record describes .*\)\. Compliance: PENDING_REVIEW\.$/,
    );
    expect(report).toMatchObject({
      verdict: 'FAIL',
      reviewer,
      breaches: 1,
      customersAffected: 2400,
      asOf: '2025-03-01',
    });
    expect(report.csv).toContain('INC-7,2025-01-05,data_breach,2400,2025-02-10,36');
    expect(stored.map((s) => s.verdict)).toEqual(['PENDING_REVIEW', 'FAIL']);
    expect((await handle.describe()).typedSearchAttributes.get(sa.Decision)).toBe('FAIL');
  });

  it('reproduces a PENDING with its due date as of a given day, byte for byte, and FAIL once it is overdue', async () => {
    const unreported: IncidentFacts = { ...misread, type: 'data_breach', customersAffected: 2400 };
    const { activities, stored } = stubs(unreported, []);
    const worker = await harness.worker(activities);
    const [first, again, later] = await worker.runUntil(async () => {
      const run = async (asOf: string) => (await (await start({ asOf })).result()) as ComplianceReport;
      return [await run('2025-01-20'), await run('2025-01-20'), await run('2025-02-05')];
    });
    expect(first).toMatchObject({ verdict: 'PENDING', asOf: '2025-01-20' });
    expect(first.summary).toContain('INC-7 is not yet reported; it is due by 2025-02-04.');
    expect([again.csv, again.summary]).toEqual([first.csv, first.summary]);
    expect(later.verdict).toBe('FAIL');
    expect(later.summary).toContain('INC-7 is unreported and past its due date 2025-02-04.');
    expect(stored.map((s) => s.verdict)).toEqual(['PENDING', 'PENDING', 'FAIL']);
  });

  it('refuses an asOf that is not a calendar day', async () => {
    const { activities } = stubs(misread, []);
    const worker = await harness.worker(activities);
    await worker.runUntil(async () => {
      const handle = await start({ asOf: '2025-02-31' });
      await expect(handle.result()).rejects.toThrow();
    });
  });
});
