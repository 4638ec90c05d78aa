import type { Pool } from 'pg';
import { z } from 'zod';
import type { RunFigures } from './figures';
import { checkout } from '../activities/transaction';
import type { TicketOutcome } from '../activities/evaluation/outcomes';

export interface RunRecord<F = RunFigures> {
  useCase: string;
  variant: string;
  provider: string;
  model: string;
  promptVersions: Record<string, string>;
  startedAt: Date;
  figures: F;
}

/** One eval_items row: labels and predictions only, never the customer's text or the model's prose. */
export interface StoredItem {
  id: string;
  expected: Record<string, unknown>;
  predicted: Record<string, unknown>;
  correct: boolean;
  confidence: number | null;
  latencyMs: number;
  costUsd: number;
}

const previousRow = z.object({
  id: z.coerce.number(),
  started_at: z.date(),
  prompt_versions: z.record(z.string(), z.string()),
  figures: z.record(z.string(), z.unknown()),
});
export type PreviousRun<F = RunFigures> = {
  id: number;
  startedAt: Date;
  promptVersions: Record<string, string>;
  figures: F;
};

/**
 * The last run of the same use case, variant, provider, model and item count (a `--limit` slice is not comparable
 * with a full run): the baseline drift is measured against.
 */
export async function previousRun<F = RunFigures>(
  pool: Pool,
  r: Pick<RunRecord<F>, 'useCase' | 'variant' | 'provider' | 'model' | 'startedAt'> & { items: number },
): Promise<PreviousRun<F> | null> {
  const { rows } = await pool.query(
    `SELECT id, started_at, prompt_versions, figures FROM eval_runs
      WHERE use_case = $1 AND variant = $2 AND provider = $3 AND model = $4 AND started_at < $5 AND items = $6
      ORDER BY started_at DESC, id DESC LIMIT 1`,
    [r.useCase, r.variant, r.provider, r.model, r.startedAt, r.items],
  );
  if (!rows[0]) return null;
  const row = previousRow.parse(rows[0]);
  // Figures written by an older harness may lack newer fields; the report treats missing ones as "not measured".
  return { id: row.id, startedAt: row.started_at, promptVersions: row.prompt_versions, figures: row.figures as never };
}

/**
 * Reads the drift baseline, then writes the run (unless storing is off): in that order, so a run is never its own
 * baseline. Returns the run as the reports list it.
 */
export async function storeRun<F>(
  pool: Pool,
  store: boolean,
  run: Omit<RunRecord<F>, 'variant' | 'provider' | 'model'> & {
    label: string;
    engine: { provider: string; model: string };
  },
  items: StoredItem[],
) {
  const { label, engine, promptVersions, figures } = run;
  const r: RunRecord<F> = { ...run, variant: label, provider: engine.provider, model: engine.model };
  const previous = store ? await previousRun<F>(pool, { ...r, items: items.length }) : null;
  const runId = store ? await saveRun(pool, r, items) : null;
  return { label, provider: engine.provider, model: engine.model, promptVersions, runId, figures, previous };
}

export function ticketItem(o: TicketOutcome): StoredItem {
  const { reply: _reply, ...predicted } = o.predicted; // labels and predictions only: no customer-facing text
  const keys = (['intent', 'department', 'route'] as const).filter((k) => o.expected[k]);
  return {
    id: o.id,
    expected: { ...o.expected },
    predicted,
    correct: !o.error && keys.every((k) => o.expected[k] === o.predicted[k]),
    confidence: o.predicted.confidence ?? null,
    latencyMs: o.latencyMs,
    costUsd: o.calls.reduce((s, c) => s + c.costUsd, 0),
  };
}

export async function saveRun<F>(pool: Pool, r: RunRecord<F>, items: StoredItem[]): Promise<number> {
  const client = await checkout(pool);
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `INSERT INTO eval_runs (use_case, variant, provider, model, prompt_versions, items, started_at, figures)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [r.useCase, r.variant, r.provider, r.model, r.promptVersions, items.length, r.startedAt, r.figures],
    );
    const id = Number(rows[0].id);
    // One multi-row INSERT per 500 items keeps a thousand-row run to a couple of round trips.
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      const values = chunk.map(
        (_, j) =>
          `($1, $${j * 7 + 2}, $${j * 7 + 3}, $${j * 7 + 4}, $${j * 7 + 5}, $${j * 7 + 6}, $${j * 7 + 7}, $${j * 7 + 8})`,
      );
      const params = chunk.flatMap((o) => [
        o.id,
        o.expected,
        o.predicted,
        o.correct,
        o.confidence,
        o.latencyMs,
        o.costUsd,
      ]);
      await client.query(
        `INSERT INTO eval_items (run_id, item_id, expected, predicted, correct, confidence, latency_ms, cost_usd)
         VALUES ${values.join(', ')}`,
        [id, ...params],
      );
    }
    await client.query('COMMIT');
    return id;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.done();
  }
}
