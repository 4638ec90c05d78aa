import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { parseConfig } from '../../config';
import type { ReportPaths } from '../../eval/report/write';
import { rootCauseCategories } from '../../eval/scoring/fault-categories';
import { runUseCaseEval, type UseCaseDefinition } from '../../eval/use-case';
import { acmaUseCase } from '../../eval/use-cases/acma';
import { faultsUseCase } from '../../eval/use-cases/faults';
import { fraudUseCase } from '../../eval/use-cases/fraud';

/**
 * The faults, fraud and ACMA evaluations with the offline engine against the real PostgreSQL of the test stack.
 * The fraud population is generated in a scratch schema, so the fraud_* tables other suites load stay as they were.
 */
describe('npm run eval -- --use-case faults|fraud|acma', () => {
  const config = parseConfig({ ...process.env, MODEL_PROVIDER: 'offline' });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  const reportsDir = mkdtempSync(join(tmpdir(), 'eval-use-cases-e2e-'));
  const run = <D, F>(def: UseCaseDefinition<D, F>) =>
    runUseCaseEval(def, { config, pool, variants: [{ promptVersion: 'current' }], reportsDir });

  afterAll(async () => {
    await pool.end();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  function expectReports(paths: ReportPaths, canvases: number) {
    for (const path of Object.values(paths)) expect(existsSync(path)).toBe(true);
    expect(readFileSync(paths.markdown, 'utf8')).toContain('NOT an LLM');
    const html = readFileSync(paths.html, 'utf8');
    expect(html).toContain('Chart.js v4'); // the inlined UMD build's banner
    expect(html).not.toMatch(/<script[^>]+src=/); // self-contained
    expect(html.match(/<canvas id="/g)?.length ?? 0).toBeGreaterThanOrEqual(canvases);
  }

  async function stored(runId: number | null) {
    const runs = await pool.query('SELECT use_case, provider, items FROM eval_runs WHERE id = $1', [runId]);
    const items = await pool.query('SELECT item_id, expected, predicted FROM eval_items WHERE run_id = $1', [runId]);
    return { run: runs.rows[0], items: items.rows };
  }

  it('faults: scores the seeded scenarios and their variants, with no policy breach, and drifts from run to run', async () => {
    const first = await run(faultsUseCase());
    const { report, paths } = await run(faultsUseCase());
    expectReports(paths, 5);
    const f = report.runs[0]!.figures;
    expect(f.items).toBe(25);
    expect(f.breaches.count).toBe(0);
    expect(f.decision.accuracy).toBe(1);
    expect(f.action.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.runs[0]!.previous?.id).toBe(first.report.runs[0]!.runId);
    expect(readFileSync(paths.markdown, 'utf8')).toMatch(/\| Policy breaches \| 0 \| 0 \| ±0 \|/);
    const { run: row, items } = await stored(report.runs[0]!.runId);
    expect(row).toEqual({ use_case: 'faults', provider: 'offline', items: 25 });
    expect(items).toHaveLength(25);
    // Categories only: the diagnosis text, which quotes device logs, is not stored.
    for (const item of items) expect(rootCauseCategories).toContain(item.predicted.rootCause);
  });

  it('fraud: detects the injected frauds in its own schema, and scores the summaries', async () => {
    const tables = async () =>
      (
        await pool.query(
          `SELECT (SELECT count(*)::int FROM fraud_accounts) AS accounts,
                  (SELECT count(*)::int FROM pg_namespace WHERE nspname LIKE 'eval_fraud_%') AS scratch`,
        )
      ).rows[0];
    const before = await tables();
    const { report, paths } = await run(fraudUseCase(2000));
    expect(await tables()).toEqual({ ...before, scratch: 0 });
    expectReports(paths, 4);
    const { detection: d, summaries: s } = report.runs[0]!.figures;
    expect(d.accounts).toBe(2000);
    expect(d.frauds).toBe(10);
    for (const v of [d.recall, d.precision]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(d.recall).toBeGreaterThanOrEqual(0.9);
    expect(d.precision).toBeGreaterThanOrEqual(0.6);
    expect(s.summarised).toBe(d.flagged);
    expect(s.verified.rate).toBe(1);
    expect(s.onFraud.hit).toBeGreaterThanOrEqual(0.9);
    const { run: row, items } = await stored(report.runs[0]!.runId);
    expect(row.use_case).toBe('fraud');
    expect(row.items).toBe(items.length);
    // Every flagged account, and every fraud detection missed (the matrix's fraud → not fraud cell).
    expect(items.length).toBe(d.flagged + d.confusion.matrix[0]![1]!);
    expect(JSON.stringify(items)).not.toMatch(/narrative/);
  });

  it("acma: extracts every seeded incident, and rebuilds the worked example's PASS and the month's verdict", async () => {
    const { report, paths } = await run(acmaUseCase());
    expectReports(paths, 2);
    const f = report.runs[0]!.figures;
    const [example, month] = f.reports;
    expect(example).toMatchObject({
      verdictMatch: true,
      csvMatch: true,
      predicted: { verdict: 'PASS', breaches: 2, customers: 1700 },
    });
    expect(month!.predicted.verdict).toBe(month!.expected.verdict);
    expect(month!.csvMatch).toBe(true);
    expect(f.breach.accuracy).toBe(1);
    const { run: row, items } = await stored(report.runs[0]!.runId);
    expect(row).toEqual({ use_case: 'acma', provider: 'offline', items: f.items });
    expect(items).toHaveLength(35);
    const descriptions = (await pool.query('SELECT description FROM incidents')).rows.map((r) => r.description);
    const text = JSON.stringify(items);
    for (const description of descriptions) expect(text).not.toContain(description.slice(0, 40));
  });
});
