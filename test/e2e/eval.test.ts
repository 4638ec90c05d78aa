import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { parseConfig } from '../../config';
import { runTicketsEval } from '../../eval/run';

/**
 * The tickets evaluation on a small slice, against the real PostgreSQL of the test stack (whose start-up applies the
 * eval_runs migration) and the offline engine.
 */
describe('npm run eval -- --use-case tickets', () => {
  const config = parseConfig({ ...process.env, MODEL_PROVIDER: 'offline' });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  const reportsDir = mkdtempSync(join(tmpdir(), 'eval-e2e-'));

  afterAll(async () => {
    await pool.end();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('writes the Markdown and HTML reports with Chart.js and its three charts, and stores the run', async () => {
    const { report, paths } = await runTicketsEval({
      config,
      pool,
      variants: [{ promptVersion: 'current' }],
      limit: 24,
      reportsDir,
    });
    for (const path of Object.values(paths)) expect(existsSync(path)).toBe(true);

    const markdown = readFileSync(paths.markdown, 'utf8');
    expect(markdown).toContain('NOT an LLM');
    expect(markdown).toMatch(/\| Route accuracy \| \d+\.\d%/);
    expect(markdown).toContain('error rate (001)');

    const html = readFileSync(paths.html, 'utf8');
    expect(html).toContain('Chart.js v4'); // the inlined UMD build's banner
    expect(html).not.toMatch(/<script[^>]+src=/); // self-contained
    for (const id of ['confusion-heatmap-0', 'calibration-curve', 'latency-histogram-0'])
      expect(html).toContain(`<canvas id="${id}"`);

    const run = report.runs[0]!;
    expect(run.figures.items).toBe(24);
    expect(run.figures.route.n).toBe(24);
    expect(run.figures.guardrails.adversarial).toBeGreaterThanOrEqual(30);
    const stored = await pool.query('SELECT use_case, provider, model, items, figures FROM eval_runs WHERE id = $1', [
      run.runId,
    ]);
    expect(stored.rows[0]).toMatchObject({
      use_case: 'tickets',
      provider: 'offline',
      model: 'switchboard-offline-1',
      items: 24,
    });
    const items = await pool.query('SELECT count(*)::int AS n FROM eval_items WHERE run_id = $1', [run.runId]);
    expect(items.rows[0].n).toBe(24);
  });

  it('runs an A/B of two prompt versions into a side-by-side table and a recommendation', async () => {
    const { report, paths } = await runTicketsEval({
      config,
      pool,
      variants: [{ promptVersion: 'current' }, { promptVersion: 'concise' }],
      // The same slice as the test above, so its stored run is this one's drift baseline.
      limit: 24,
      reportsDir,
    });
    expect(report.runs.map((r) => r.label)).toEqual(['current', 'concise']);
    expect(report.runs[0]!.promptVersions['ticket/draft-reply']).not.toBe(
      report.runs[1]!.promptVersions['ticket/draft-reply'],
    );
    const markdown = readFileSync(paths.markdown, 'utf8');
    expect(markdown).toContain('## A/B: current vs concise');
    expect(markdown).toMatch(/\| route accuracy \| .+ \| .+ \|/);
    expect(markdown).toMatch(/\*\*Recommendation: (Switch to|Keep) /);
    // The offline engine reads variables, not prompt prose: a prompt change cannot move its accuracy.
    const accuracyRows = report.ab!.rows.filter((r) => r.metric.endsWith('accuracy'));
    expect(accuracyRows.every((r) => r.delta === 0)).toBe(true);
    // The drift baseline is the previous run of the same variant, stored by the test above.
    expect(report.runs[0]!.previous).not.toBeNull();
  });
});
