import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { contentSubject } from '../../activities/decisions/signing';
import type { SigningKey } from '../../activities/decisions/signing';
import type { ComplianceReport, FactMismatch, Review } from '../../domain/compliance/facts';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { reviewSignal, reviewStatusQuery, reviewUpdate } from '../../workflows/compliance/messages';
import { TestKeyring } from '../support/decision-keys';
import { historyText } from '../support/history-text';
import { incidentFacts } from '../support/incident-facts';
import { temporalHarnessForFile, waitFor } from '../support/temporal';
import { fakeCall } from './stub-activities';

const harness = temporalHarnessForFile();

const keyring = new TestKeyring();
const reviewer = 'rev.kim';

/** A month whose one breach was reported on day 46: FAIL, unless someone relabels it. */
const breach = incidentFacts('INC-1', { customersAffected: 5000, dateReported: '2025-02-20' });
const questioned: FactMismatch[] = [
  { incidentId: 'INC-1', field: 'type', extracted: 'data_breach', problem: "the record's structured type is other" },
];
type Correction = { incidentId: string; field: string; value: string | null };
const relabel: Correction[] = [{ incidentId: 'INC-1', field: 'type', value: 'other' }];
const confirm: Correction[] = [
  { incidentId: 'INC-1', field: 'type', value: 'data_breach' },
  { incidentId: 'INC-1', field: 'customersAffected', value: '500' },
];

/** A gate a stub waits on until the test opens it, so the test controls when the run moves on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

function stubs(holdExtraction = gate(), holdResolve = gate()) {
  const recorder = { resolved: [] as Review[], stored: [] as Array<{ verdict: string; reviewer: string | null }> };
  const activities = {
    ...keyring.activity(),
    loadIncidents: async () => ({ incidentIds: ['INC-1'] }),
    extractIncidentFacts: async () => {
      await holdExtraction.opened;
      return { facts: breach, mismatches: questioned, call: fakeCall('extract_incident') };
    },
    openComplianceReview: async () => ({ opened: 1 }),
    resolveComplianceReview: async (review: Review) => {
      recorder.resolved.push(review);
      await holdResolve.opened;
      return { resolved: review.corrections.length };
    },
    storeComplianceReport: async (input: { verdict: string; reviewer: string | null }) => {
      recorder.stored.push({ verdict: input.verdict, reviewer: input.reviewer });
      return { version: 1, path: 'reports/acma/x/v1.csv' };
    },
  };
  return { activities, recorder, holdExtraction, holdResolve };
}

interface SignOptions {
  workflowId: string;
  runId: string;
  corrections?: Correction[];
  /** What travels as the payload, when it differs from what was signed. */
  payload?: Correction[];
  identity?: string;
  role?: 'reviewer' | 'agent';
  key?: SigningKey;
  now?: Date;
  lifetimeMs?: number;
}

function signReview(o: SignOptions) {
  const corrections = o.corrections ?? confirm;
  const signed = keyring.sign(
    {
      kind: 'acma_review',
      workflowId: o.workflowId,
      runId: o.runId,
      subject: contentSubject(corrections),
      decision: 'confirm',
      reason: 'checked against the records',
      identity: o.identity ?? reviewer,
      role: o.role ?? 'reviewer',
      payload: { corrections },
      ...(o.now ? { now: o.now, lifetimeMs: o.lifetimeMs } : {}),
    },
    o.key,
  );
  return o.payload ? { ...signed, payload: { corrections: o.payload } } : signed;
}

async function start() {
  const handle = await harness.client.workflow.start('monthlyComplianceReport', {
    taskQueue: harness.taskQueue,
    workflowId: `acma-test-${randomUUID()}`,
    args: [{ period: { start: '2025-01-01', end: '2025-01-31' } }],
  });
  return handle as WorkflowHandle;
}

const status = (handle: WorkflowHandle) => handle.query(reviewStatusQuery);
const ignoredCount = (handle: WorkflowHandle, n: number) =>
  waitFor(async () => ((await status(handle)).ignored.length >= n ? true : undefined), `${n} ignored reviews`);

/** A signed review whose statement was edited after signing, to relabel the breach. */
function tampered(signed: ReturnType<typeof signReview>) {
  const statement = { ...signed.statement, subject: contentSubject(relabel) };
  return { ...signed, statement, payload: { corrections: relabel } };
}

describe('a forged ACMA review cannot change a verdict', () => {
  it('records every forgery without effect, refuses an invalid type, and counts one valid review once', async () => {
    const { activities, recorder, holdExtraction, holdResolve } = stubs();
    holdExtraction.open();
    keyring.revoke('rev.gone', 'reviewer');
    const worker = await harness.worker(activities);
    const { report, ignored, handle } = await worker.runUntil(async () => {
      const handle = await start();
      const workflowId = handle.workflowId;
      await waitFor(async () => ((await status(handle)).waitingForReview ? true : undefined), 'review wait');
      const { runId } = await status(handle);
      const forged = (o: Partial<SignOptions>) => signReview({ workflowId, runId, corrections: relabel, ...o });
      const forgeries: unknown[] = [
        { reviewer: 'auditor.kim', corrections: relabel }, // the old unsigned payload
        forged({ key: keyring.unregistered() }),
        forged({ identity: 'rev.gone' }),
        forged({ role: 'agent' }),
        forged({ workflowId: 'acma-report-2025-01-manual' }),
        forged({ runId: randomUUID() }),
        forged({ corrections: confirm, payload: relabel }), // signed one set, carries another
        tampered(signReview({ workflowId, runId })),
        forged({ now: new Date(Date.now() - 2 * 3_600_000), lifetimeMs: 3_600_000 }),
        signReview({ workflowId, runId, corrections: [{ incidentId: 'INC-1', field: 'type', value: 'not_a_breach' }] }),
        signReview({ workflowId, runId, corrections: [{ incidentId: 'INC-9', field: 'type', value: 'other' }] }),
      ];
      for (const forgery of forgeries) await handle.signal(reviewSignal, forgery);
      await ignoredCount(handle, forgeries.length);
      expect((await status(handle)).waitingForReview).toBe(true);

      // A forger using the update learns it did not count; the refusal is in history.
      const byForger = await handle.executeUpdate(reviewUpdate, { args: [forged({ key: keyring.unregistered() })] });
      expect(byForger).toEqual({
        counted: false,
        reason: expect.stringMatching(/^unknown key /),
        identity: expect.any(String),
      });
      // Not signed at all: refused by the validator, before history.
      await expect(handle.executeUpdate(reviewUpdate, { args: [{ reviewer, corrections: relabel }] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );

      const valid = signReview({ workflowId, runId });
      expect(await handle.executeUpdate(reviewUpdate, { args: [valid] })).toEqual({
        counted: true,
        reason: 'confirmed with 2 corrections',
        identity: reviewer,
      });
      // While the counted review is applied: its replay, and a second valid review, count for nothing.
      const replayed = await handle.executeUpdate(reviewUpdate, { args: [valid] });
      expect(replayed).toMatchObject({ counted: false, reason: expect.stringMatching(/^nonce .* was already used$/) });
      const second = await handle.executeUpdate(reviewUpdate, {
        args: [signReview({ workflowId, runId, identity: 'rev.lee', corrections: relabel })],
      });
      expect(second).toMatchObject({ counted: false, reason: `a review by ${reviewer} already counted` });
      holdResolve.open();
      const report = (await handle.result()) as ComplianceReport;
      return { report, ignored: (await status(handle)).ignored, handle };
    });

    expect(report.verdict).toBe('FAIL');
    expect(report.reviewer).toBe(reviewer);
    expect(report.csv).toContain('INC-1,2025-01-05,data_breach,500,2025-02-20,46');
    expect(recorder.resolved).toEqual([{ reviewer, corrections: confirm }]);
    // While the review was open the month was stored PENDING_REVIEW (issue 15), never as a verdict nobody settled.
    expect(recorder.stored).toEqual([
      { verdict: 'PENDING_REVIEW', reviewer: null },
      { verdict: 'FAIL', reviewer },
    ]);
    // Verifications run concurrently, so refusals are recorded in the order they finish.
    expect(ignored.map((i) => i.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^unsigned: /),
        expect.stringMatching(/^unknown key /),
        expect.stringMatching(/was revoked$/),
        `key ${keyring.key(reviewer, 'agent').keyId} belongs to agent:${reviewer}, not reviewer:${reviewer}`,
        'signed for workflow acma-report-2025-01-manual',
        expect.stringMatching(/^signed for run .*, not this run$/),
        expect.stringMatching(/^signed for sha256:.*, but this decides sha256:/),
        expect.stringMatching(/^expired at /),
        expect.stringMatching(/^invalid corrections: 0\.value: /),
        'INC-9 is not an incident this review questions',
        'the signature does not verify',
        expect.stringMatching(/^nonce .* was already used$/),
        `a review by ${reviewer} already counted`,
      ]),
    );
    expect(report.ignoredReviews).toEqual(ignored);
    expect(ignored).toHaveLength(14);
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(sa.Approver)).toBe(reviewer);
    expect(description.typedSearchAttributes.get(sa.Decision)).toBe('FAIL');
    const history = await historyText(handle);
    for (const refusal of ['unsigned: a decision must be signed', 'the signature does not verify', 'unknown key']) {
      expect(history).toContain(refusal);
    }
    expect(history).toContain('"counted":false');
  });

  it('holds a review that arrives before the run awaits one, then verifies and counts it', async () => {
    const { activities, recorder, holdExtraction, holdResolve } = stubs();
    holdResolve.open();
    const worker = await harness.worker(activities);
    const report = await worker.runUntil(async () => {
      const handle = await start();
      const early = await waitFor(async () => {
        const s = await status(handle);
        return s.stage === 'extracting' ? s : undefined;
      }, 'extraction');
      await handle.signal(reviewSignal, signReview({ workflowId: handle.workflowId, runId: early.runId }));
      // Held, not refused: nothing is known yet about what the review decides.
      expect((await status(handle)).ignored).toEqual([]);
      holdExtraction.open();
      return (await handle.result()) as ComplianceReport;
    });
    expect(report).toMatchObject({ verdict: 'FAIL', reviewer, ignoredReviews: [] });
    expect(recorder.resolved).toHaveLength(1);
  });
});
