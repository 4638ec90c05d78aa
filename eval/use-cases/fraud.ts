/**
 * `--use-case fraud`: a generated population with known injected frauds, the sweep's detection SQL scored per rule,
 * then the summary model task on every flagged account, scored on its action and on its figures.
 */
import { buildFraudPopulation, defaultPopulation, type FraudLabel, type FraudPopulation } from '../datasets/fraud';
import { mapLimit } from '../map-limit';
import { fraudBlocks, fraudCards, fraudDetails, fraudHeadlines, type FraudFigures } from '../report/fraud';
import { createSummaryRunner, type SummaryOutcome } from '../runners/fraud';
import { abFiguresOf } from '../scoring/calls';
import { detectionFigures, type DetectionFigures } from '../scoring/fraud-detection';
import { actionFits, summaryFigures } from '../scoring/fraud-summaries';
import type { StoredItem } from '../store';
import type { UseCaseDefinition } from '../use-case';

interface FraudData extends FraudPopulation {
  detection: DetectionFigures;
  summaryLimit?: number;
}

/**
 * One row per flagged account and per fraud that detection missed: the accounts an analyst would see, and those
 * they should have. Under `--limit` only the summarised flags get a row, so the item count differs and drift never
 * compares a partial run with a full one.
 */
function storedItems(data: FraudData, outcomes: SummaryOutcome[]): StoredItem[] {
  const labels = new Map(data.labels.map((l) => [l.accountId, l]));
  const summaries = new Map(outcomes.map((o) => [o.accountId, o]));
  const rules = new Map<string, string[]>();
  for (const f of data.flags) rules.set(f.accountId, [...(rules.get(f.accountId) ?? []), f.pattern]);
  const flagged = [...rules.keys()].filter((id) => data.summaryLimit === undefined || summaries.has(id));
  const missed = data.labels.filter((l) => l.isFraud && !rules.has(l.accountId)).map((l) => l.accountId);
  const ids = [...new Set([...flagged, ...missed])].sort((a, b) => Number(a) - Number(b));
  return ids.map((id) => {
    const label: FraudLabel | undefined = labels.get(id);
    const summary = summaries.get(id);
    const fraud = label?.isFraud ?? false;
    const isFlagged = rules.has(id);
    return {
      id,
      expected: { fraud, pattern: label?.pattern ?? null },
      predicted: { flagged: isFlagged, rules: rules.get(id) ?? [], ...(summary ? { summary: summary.predicted } : {}) },
      correct: isFlagged === fraud && (!summary || actionFits(summary, label)),
      confidence: null,
      latencyMs: summary?.latencyMs ?? 0,
      costUsd: summary?.calls.reduce((s, c) => s + c.costUsd, 0) ?? 0,
    };
  });
}

export function fraudUseCase(accounts?: number, summaryLimit?: number): UseCaseDefinition<FraudData, FraudFigures> {
  const options = { ...defaultPopulation, ...(accounts ? { accounts } : {}) };
  return {
    useCase: 'fraud',
    unit: 'summary',
    prompts: ['fraud/summarise'],
    async prepare(_config, pool, progress) {
      const bar = progress.bar('fraud: population', 1);
      const population = await buildFraudPopulation(pool, options);
      bar.tick();
      const detection = detectionFigures(population.accounts, population.flags, population.labels);
      return { ...population, detection, summaryLimit };
    },
    async pass(data, ctx) {
      const run = createSummaryRunner(ctx.engine.gateway, ctx.prompts.summariseFraud);
      const accounts = data.summaryLimit === undefined ? data.flagged : data.flagged.slice(0, data.summaryLimit);
      const bar = ctx.progress.bar(`fraud: ${ctx.label}`, accounts.length);
      const outcomes = await mapLimit(accounts, ctx.concurrency, async (a) => {
        const outcome = await run(a);
        bar.tick();
        return outcome;
      });
      const labels = new Map(data.labels.map((l) => [l.accountId, l]));
      const population = { ...data.options, generateMs: data.generateMs, detectMs: data.detectMs };
      const figures = { population, detection: data.detection, summaries: summaryFigures(outcomes, labels) };
      return { items: storedItems(data, outcomes), figures };
    },
    headlines: fraudHeadlines,
    abFigures: (label, f) =>
      abFiguresOf(
        label,
        { 'summary action': f.summaries.onFraud.hit, verified: f.summaries.verified.rate },
        f.summaries.calls,
      ),
    cards: fraudCards,
    blocks: fraudBlocks,
    details: fraudDetails,
    offlineNote:
      'templates that put the SQL evidence into sentences and map each pattern to fixed actions (activities/model/' +
      'offline/summarise-fraud.ts), NOT an LLM: it cannot invent a figure, so its verified rate shows the check ' +
      'working, not a model being careful.',
    datasetNote: (d) =>
      `${d.accounts} generated accounts × ${d.options.days} days (seed ${d.options.seed}, ending ${d.options.end}), ` +
      `built by tooling/fraud-data/generate.ts in a scratch schema that is dropped afterwards: ` +
      `${d.detection.frauds} injected frauds (one per 200 accounts, six patterns) and ${d.detection.lookalikes} ` +
      `look-alikes (travellers, new accounts). Detection is the daily sweep's SQL (activities/fraud/detection-sql.ts); ` +
      `${d.flagged.length} flagged accounts${d.summaryLimit !== undefined ? ` (first ${d.summaryLimit} summarised)` : ''} ` +
      'go to the summary task.',
    notes: () => [
      'Detection is SQL, the same for every provider and prompt; only the summaries change in an A/B.',
      'Per-rule recall counts the injected accounts of that pattern that this rule flagged; "any rule" is what the ' +
        'analyst sees. Precision counts flags on accounts without a fraud label as false positives.',
      'The expected action per pattern is in eval/scoring/fraud-summaries.ts: barring international use for roaming ' +
        'sprees and premium-rate calling, the fraud team for SIM swaps (an SMS would reach the attacker) and the slow ' +
        'patterns, an SMS check for a usage spike. On a legitimate account, barring international use is the harm.',
      'Verified means every number in the narrative is a figure of the SQL evidence (domain/fraud/summary.ts).',
    ],
  };
}
