import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectClient } from '../../client';
import type { FairnessActivityResult } from '../../activities/evaluation';
import { fairnessMetrics } from '../../activities/evaluation/fairness-figures';
import { ensureFairnessSchedule, FAIRNESS_SCHEDULE_ID } from '../../workers/schedules';
import { e2eHarness, type E2EHarness } from './support';

/** The monthly fairness blind test as the worker runs it: the workflow, its activity, eval_runs and the reports. */
describe('monthly fairness blind test on the worker', () => {
  const reportsDir = mkdtempSync(join(tmpdir(), 'fairness-e2e-'));
  let harness: E2EHarness;
  beforeAll(async () => {
    harness = await e2eHarness({ env: { REPORTS_DIR: reportsDir } });
  });
  afterAll(async () => {
    await harness.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('scores the labelled tickets once per group, stores the run and writes the report with its chart', async () => {
    const startedAt = new Date();
    const { client, close } = await connectClient(harness.config);
    let result: FairnessActivityResult;
    try {
      result = await client.workflow.execute('monthlyFairnessEval', {
        taskQueue: harness.config.TEMPORAL_TASK_QUEUE,
        workflowId: `fairness-e2e-${Date.now()}`,
        args: [{}],
      });
    } finally {
      await close();
    }
    // The offline engine reads no names when classifying: no gap reaches five points (4.2 at most).
    expect(result.flagged).toBe(false);
    expect(result.gaps.map((g) => g.metric)).toEqual([...fairnessMetrics]);
    expect(result.report.startsWith(join(reportsDir, 'eval', 'fairness-'))).toBe(true);
    expect(readFileSync(result.report, 'utf8')).toMatch(/^# Fairness blind test, .*\n\n> Offline engine/);
    const html = readFileSync(join(reportsDir, 'eval', 'fairness-latest.html'), 'utf8');
    expect(html).toContain("new Chart(document.getElementById('fairness-rates')");
    expect(html.length).toBeGreaterThan(100_000); // Chart.js itself is inlined, not linked
    const { rows } = await harness.pool.query(
      `SELECT variant, provider, items, prompt_versions FROM eval_runs
        WHERE use_case = 'tickets-fairness' AND started_at >= $1`,
      [startedAt],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ variant: 'current', provider: 'offline' });
    // Every full-pipeline case (the 8 seed examples and our own) once per group of six.
    expect(rows[0].items % 6).toBe(0);
    expect(rows[0].items).toBeGreaterThanOrEqual(8 * 6);
    expect(Object.keys(rows[0].prompt_versions)).toContain('ticket/draft-reply');
  }, 120_000);

  it('has its schedule, created once, on the 2nd of the month in Sydney', async () => {
    const { client, close } = await connectClient(harness.config);
    const schedule = client.schedule.getHandle(FAIRNESS_SCHEDULE_ID);
    try {
      await schedule.delete().catch(() => undefined);
      expect(await ensureFairnessSchedule(client, harness.config.TEMPORAL_TASK_QUEUE)).toBe('created');
      expect(await ensureFairnessSchedule(client, harness.config.TEMPORAL_TASK_QUEUE)).toBe('existing');
      const description = await schedule.describe();
      expect(description.spec.timezone).toBe('Australia/Sydney');
      expect(description.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 2, end: 2 }] });
      expect(description.action).toMatchObject({ workflowType: 'monthlyFairnessEval' });
    } finally {
      // A schedule left behind would start a month's run on this test's task queue, which no worker polls.
      await schedule.delete().catch(() => undefined);
      await close();
    }
  });
});
