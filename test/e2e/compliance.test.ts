import type { ComplianceReport } from '../../domain/compliance/facts';
import { Pool } from 'pg';
import { contentSubject, generateSigningKey, type SigningKey } from '../../activities/decisions/signing';
import { registeredKey } from './signing';
import { signDecision } from '../../client/decisions';
import { connectClient, createComplianceClient, fetchLatestReport, type ComplianceClient } from '../../client';
import { ACMA_SCHEDULE_ID, ensureAcmaSchedule } from '../../workers/schedules';
import { monthPeriod, previousMonth } from '../../workflows/compliance/rules';
import { localDate } from '../../domain/calendar';
import { apiHarness, type ApiHarness } from './model-api-support';
import { e2eHarness, type E2EHarness } from './support';

const goldenCsv =
  'incident_id,date,type,customers_affected,date_reported,days_to_report\n' +
  'INC-2025-001,2025-01-15,data_breach,500,2025-01-18,3\n' +
  'INC-2025-003,2025-02-01,data_breach,1200,2025-02-10,9\n';

async function golden(harness: E2EHarness): Promise<ComplianceReport> {
  const { client, close } = await connectClient(harness.config);
  try {
    return await client.workflow.execute('monthlyComplianceReport', {
      taskQueue: harness.config.TEMPORAL_TASK_QUEUE,
      workflowId: `acma-golden-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
      args: [{ period: { start: '2025-01-01', end: '2025-02-28' } }],
    });
  } finally {
    await close();
  }
}

describe('ACMA report with the offline engine', () => {
  let harness: E2EHarness;
  beforeAll(async () => {
    harness = await e2eHarness();
  });
  afterAll(async () => harness.close());

  it("turns 000's four incidents into exactly 000's two rows and a PASS", async () => {
    const report = await golden(harness);
    expect(report.csv).toBe(goldenCsv);
    expect(report.summary).toMatch(/^2 data breaches .* affecting 1,700 customers total\./);
    expect(report.summary).toMatch(/\(3 and 9 days\)/);
    expect(report.verdict).toBe('PASS');
    expect(report.reviewer).toBeNull();
  });

  it('gives a byte-identical CSV, and no new version, when the same period is run again', async () => {
    const first = await golden(harness);
    const second = await golden(harness);
    expect(second.csv).toBe(first.csv);
    expect(second.version).toBe(first.version);
  });

  it('has a schedule after start-up that is harmless to create twice, and a trigger produces a report', async () => {
    const { client, close } = await connectClient(harness.config);
    try {
      await client.schedule
        .getHandle(ACMA_SCHEDULE_ID)
        .delete()
        .catch(() => undefined);
      expect(await ensureAcmaSchedule(client, harness.config.TEMPORAL_TASK_QUEUE)).toBe('created');
      expect(await ensureAcmaSchedule(client, harness.config.TEMPORAL_TASK_QUEUE)).toBe('existing');
      const schedule = client.schedule.getHandle(ACMA_SCHEDULE_ID);
      const description = await schedule.describe();
      expect(description.spec.timezone).toBe('Australia/Sydney');
      expect(description.policies.overlap).toBe('SKIP');
      await schedule.trigger();
      const workflowId = await waitForRun(
        async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId,
      );
      // The seeded month has a record whose structured type contradicts its text: a reviewer settles it.
      const compliance = createComplianceClient({ client, taskQueue: harness.config.TEMPORAL_TASK_QUEUE });
      await confirmExtraction(compliance, harness.pool, workflowId);
      const report = await client.workflow.getHandle(workflowId).result();
      const month = previousMonth(localDate(new Date(), 'Australia/Sydney'));
      expect(report.period).toEqual(month);
      const pool = new Pool({ connectionString: harness.config.DATABASE_URL });
      try {
        const stored = await fetchLatestReport(pool, month.start.slice(0, 7));
        expect(stored?.csv).toBe(report.csv);
      } finally {
        await pool.end();
      }
    } finally {
      await close();
    }
  }, 60_000);
});

describe('ACMA report through the Anthropic SDK and its emulator', () => {
  let harness: ApiHarness;
  beforeAll(async () => {
    harness = await apiHarness('anthropic');
  });
  afterAll(async () => harness.close());

  it('produces the same golden report', async () => {
    const report = await golden(harness);
    expect(report.csv).toBe(goldenCsv);
    expect(report.verdict).toBe('PASS');
  });

  it("catches a wrong customer count, waits for review, and carries the reviewer's correction", async () => {
    harness.scriptTask('extract_incident', {
      kind: 'reply',
      toolInput: {
        incidentId: 'INC-2025-001',
        date: '2025-01-15',
        type: 'data_breach',
        customersAffected: 5000,
        dateReported: '2025-01-18',
      },
    });
    const { client, close } = await connectClient(harness.config);
    try {
      const compliance = createComplianceClient({ client, taskQueue: harness.config.TEMPORAL_TASK_QUEUE });
      const handle = await client.workflow.start('monthlyComplianceReport', {
        taskQueue: harness.config.TEMPORAL_TASK_QUEUE,
        workflowId: `acma-review-${Date.now()}`,
        // One incident in the period, so the scripted answer cannot land on another record.
        args: [{ period: { start: '2025-01-15', end: '2025-01-15' } }],
      });
      const status = await waitForRun(async () => {
        const s = await compliance.status(handle.workflowId);
        return s.waitingForReview ? s : undefined;
      });
      expect(status.mismatches).toEqual([
        expect.objectContaining({ incidentId: 'INC-2025-001', field: 'customersAffected', extracted: '5000' }),
      ]);
      const corrections = [{ incidentId: 'INC-2025-001', field: 'customersAffected', value: '500' }];
      const key = await reviewerKey(harness.pool, 'auditor.kim');
      await compliance.review(
        handle.workflowId,
        signReview(key, 'auditor.kim', handle.workflowId, status, corrections),
      );
      const report = await compliance.result(handle.workflowId);
      expect(report.reviewer).toBe('auditor.kim');
      expect(report.csv).toContain('INC-2025-001,2025-01-15,data_breach,500,2025-01-18,3');
      const rows = await harness.pool.query(
        'SELECT status, resolved_by, corrected_value FROM compliance_reviews WHERE workflow_id = $1',
        [handle.workflowId],
      );
      expect(rows.rows).toEqual([{ status: 'resolved', resolved_by: 'auditor.kim', corrected_value: '500' }]);
    } finally {
      await close();
    }
  });
});

/** A reviewer's own key, registered in PostgreSQL as a deployment would: the worker verifies against it. */
const reviewerKey = (pool: Pool, identity: string) => registeredKey(pool, identity, 'reviewer');

/** A review signed for this run: the subject is the hash of exactly these corrections. */
function signReview(
  key: SigningKey,
  identity: string,
  workflowId: string,
  status: { runId: string },
  corrections: Array<{ incidentId: string; field: string; value: string | null }>,
) {
  return signDecision(
    {
      kind: 'acma_review',
      workflowId,
      runId: status.runId,
      subject: contentSubject(corrections),
      decision: 'confirm',
      reason: 'checked against the records',
      identity,
      payload: { corrections },
    },
    key,
  );
}

/** Plays the reviewer who confirms what the cross-check questioned, if the report stops to ask. */
async function confirmExtraction(
  compliance: ComplianceClient,
  pool: Pool,
  workflowId: string,
  identity = 'auditor.lee',
): Promise<void> {
  const status = await waitForRun(async () => {
    const s = await compliance.status(workflowId);
    return s.waitingForReview || s.stage === 'completed' ? s : undefined;
  });
  if (!status.waitingForReview) return;
  const corrections = status.mismatches.map((m) => ({ incidentId: m.incidentId, field: m.field, value: m.extracted }));
  const outcome = await compliance.decideReview(
    workflowId,
    signReview(await reviewerKey(pool, identity), identity, workflowId, status, corrections),
  );
  if (!outcome.counted) throw new Error(`the review did not count: ${outcome.reason}`);
}

async function waitForRun<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('ACMA edge cases in the seeded month (offline engine)', () => {
  let harness: E2EHarness;
  let report: ComplianceReport;
  // The seeded month, read from the data: incident 101 opens on its first day (Sydney).
  let month: { start: string; end: string };
  let reportId = '';
  let runId = '';
  let forged: Array<{ counted: boolean; reason: string }> = [];
  const reviewer = `rev.${Math.random().toString(36).slice(2, 8)}`;
  const id = (n: number) => `INC-${month.start.slice(0, 4)}-${n}`;
  const row = (n: number) => report.csv.split('\n').find((line) => line.startsWith(`${id(n)},`));

  beforeAll(async () => {
    harness = await e2eHarness();
    const first = await harness.pool.query(
      "SELECT (opened_at AT TIME ZONE 'Australia/Sydney')::date::text AS day FROM incidents WHERE id LIKE '%-101'",
    );
    month = monthPeriod(first.rows[0].day.slice(0, 7));
    const { client, close } = await connectClient(harness.config);
    try {
      const compliance = createComplianceClient({ client, taskQueue: harness.config.TEMPORAL_TASK_QUEUE });
      const { workflowId } = await compliance.startReport(month.start.slice(0, 7));
      runId = (
        await waitForRun(async () => {
          const s = await compliance.status(workflowId);
          return s.waitingForReview ? s : undefined;
        })
      ).runId;
      forged = await forgeReviews(compliance, workflowId, runId, id(103), reviewer);
      await confirmExtraction(compliance, harness.pool, workflowId, reviewer);
      report = await compliance.result(workflowId);
      reportId = workflowId;
    } finally {
      await close();
    }
  }, 60_000);
  afterAll(async () => harness.close());

  it('counts a report on day 30 as within and one on day 31 as a FAIL', () => {
    expect(row(102)).toMatch(/,30$/);
    expect(row(103)).toMatch(/,31$/);
    expect(report.verdict).toBe('FAIL');
    expect(report.summary).toMatch(new RegExp(`${id(103)} was reported after 31 days`));
  });

  it('keeps the FAIL when forged reviews relabel the late breach, and records the refusals and the real reviewer', async () => {
    expect(report.verdict).toBe('FAIL');
    expect(forged).toEqual([
      expect.objectContaining({ counted: false, reason: expect.stringMatching(/^unknown key /) }),
    ]);
    expect(report.reviewer).toBe(reviewer);
    expect(report.ignoredReviews).toEqual(
      expect.arrayContaining([
        { reviewer: 'mallory', reason: expect.stringMatching(/^unsigned: /) },
        { reviewer: `reviewer:${reviewer}`, reason: expect.stringMatching(/^unknown key /) },
      ]),
    );
    const audit = await harness.pool.query(
      `SELECT actor, action, details->>'refusal' AS refusal FROM audit_log
        WHERE workflow_id = $1 AND action LIKE ANY (ARRAY['decision.%', 'compliance.%']) ORDER BY seq`,
      [reportId],
    );
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { actor: 'system:switchboard', action: 'decision.refused', refusal: expect.stringMatching(/^unsigned: /) },
        { actor: 'system:switchboard', action: 'decision.refused', refusal: expect.stringMatching(/^unknown key /) },
        { actor: `reviewer:${reviewer}`, action: 'decision.verified', refusal: null },
        { actor: `reviewer:${reviewer}`, action: 'compliance.review_resolved', refusal: null },
      ]),
    );
    expect(audit.rows).toHaveLength(4);
    const resolvedBy = await harness.pool.query(
      'SELECT DISTINCT resolved_by FROM compliance_reviews WHERE workflow_id = $1',
      [reportId],
    );
    expect(resolvedBy.rows).toEqual([{ resolved_by: reviewer }]);
    expect(runId).not.toBe('');
  });

  it('catches breaches described without the word "breach", and ignores outages and harmless vulnerabilities', async () => {
    const descriptions = await harness.pool.query('SELECT id, description FROM incidents WHERE id = ANY($1)', [
      [id(102), id(114), id(106)],
    ]);
    const text = Object.fromEntries(descriptions.rows.map((r) => [r.id, r.description as string]));
    expect(text[id(102)]).not.toMatch(/breach/i);
    expect(row(102)).toBeDefined();
    expect(row(114)).toBeUndefined();
    expect(row(106)).toBeUndefined();
  });

  it('places an incident in the month of its Sydney date', () => {
    expect(row(101)).toMatch(new RegExp(`^${id(101)},${month.start},`));
    expect(row(129)).toMatch(new RegExp(`^${id(129)},${month.end},`));
    expect(report.csv).not.toContain(id(130));
  });

  it('reports an unreported 10-day-old breach as PENDING with its due date', async () => {
    const { client, close } = await connectClient(harness.config);
    try {
      const opened = await harness.pool.query(
        "SELECT id, (opened_at AT TIME ZONE 'Australia/Sydney')::date::text AS day FROM incidents WHERE id LIKE '%-131'",
      );
      const { id: pendingId, day } = opened.rows[0];
      const result = await client.workflow.execute('monthlyComplianceReport', {
        taskQueue: harness.config.TEMPORAL_TASK_QUEUE,
        workflowId: `acma-pending-${Date.now()}`,
        args: [{ period: { start: day, end: day } }],
      });
      const due = new Date(Date.parse(`${day}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
      expect(result.verdict).toBe('PENDING');
      expect(result.csv).toContain(`${pendingId},${day},data_breach,`);
      expect(result.summary).toContain(`${pendingId} is not yet reported; it is due by ${due}`);
    } finally {
      await close();
    }
  });
});

/** What a forger can send: the old unsigned review, and an update in the reviewer's name signed with a stray key. */
async function forgeReviews(
  compliance: ComplianceClient,
  workflowId: string,
  runId: string,
  lateBreach: string,
  impersonated: string,
) {
  const relabel = [{ incidentId: lateBreach, field: 'type', value: 'other' }];
  await compliance.review(workflowId, { reviewer: 'mallory', corrections: relabel } as never);
  const forged = signReview(generateSigningKey(), impersonated, workflowId, { runId }, relabel);
  const outcome = await compliance.decideReview(workflowId, forged);
  await waitForRun(async () => ((await compliance.status(workflowId)).ignored.length >= 2 ? true : undefined));
  return [outcome];
}
