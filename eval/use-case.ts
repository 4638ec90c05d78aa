/**
 * The evaluation of a use case other than tickets, end to end: the labelled set once, one pass per variant, figures,
 * eval_runs rows with drift against the previous comparable run, the A/B verdict, and the two reports. A use case
 * supplies the data, the pass and the report's content; everything else is the same for all of them.
 */
import type { Pool } from 'pg';
import type { Config } from '../config';
import type { PromptSet } from '../workers/model-deps';
import { compareRuns, type AbFigures } from './ab';
import type { EvalEngine } from '../activities/evaluation/engine';
import { createEvalEngine } from '../workers/evaluation-engine';
import { silentProgress, type Progress } from '../activities/evaluation/progress';
import { resolvePromptSet } from './prompt-sets';
import type { Block, Card, UseCaseReport, UseCaseRun } from './report/blocks';
import type { Headline } from './report/format';
import { renderUseCaseHtml } from './report/use-case-html';
import { renderUseCaseMarkdown } from './report/use-case-markdown';
import { writeReportFiles, type ReportPaths } from './report/write';
import { labelOf, type Variant } from './run';
import { assertEvalTables } from '../activities/evaluation/eval-runs';
import { storeRun, type StoredItem } from './store';

export interface PassContext {
  config: Config;
  pool: Pool;
  engine: EvalEngine;
  prompts: PromptSet['prompts'];
  label: string;
  progress: Progress;
  /** Items in flight: one on the offline engine (its timings stay clean), four on an LLM. */
  concurrency: number;
}

export interface UseCaseDefinition<D, F> {
  useCase: 'faults' | 'fraud' | 'acma';
  unit: string;
  /** The prompt ids the use case calls: the versions recorded with its runs. */
  prompts: string[];
  /** The labelled set, built once and shared by every variant, so an A/B compares the same items. */
  prepare(config: Config, pool: Pool, progress: Progress): Promise<D>;
  pass(data: D, ctx: PassContext): Promise<{ items: StoredItem[]; figures: F }>;
  headlines: Headline<F>[];
  abFigures(label: string, f: F): AbFigures;
  cards(f: F): Card[];
  blocks(f: F): Block[];
  /** What the offline engine is for this use case: it is never an LLM, and the report must say what it is instead. */
  offlineNote: string;
  datasetNote(data: D): string;
  notes(data: D, offline: boolean): string[];
  /** Lines printed under the headline figures on stdout, for figures too many for the headline table. */
  details?(f: F): string[];
}

export interface UseCaseOptions {
  config: Config;
  pool: Pool;
  variants: [Variant] | [Variant, Variant];
  reportsDir: string;
  concurrency?: number;
  progress?: Progress;
  store?: boolean;
}

export interface UseCaseResult<F> {
  report: UseCaseReport<F>;
  paths: ReportPaths;
}

export async function runUseCaseEval<D, F>(
  def: UseCaseDefinition<D, F>,
  options: UseCaseOptions,
): Promise<UseCaseResult<F>> {
  const { config, pool, variants } = options;
  const progress = options.progress ?? silentProgress;
  const store = options.store ?? true;
  if (store) await assertEvalTables(pool);
  const sets = variants.map((v) => resolvePromptSet(v.promptVersion));
  const data = await def.prepare(config, pool, progress);

  const runs: UseCaseRun<F>[] = [];
  for (const [i, variant] of variants.entries()) {
    const { set } = sets[i]!;
    const versions = Object.fromEntries(Object.entries(sets[i]!.versions).filter(([id]) => def.prompts.includes(id)));
    // No ticket is classified here, so the offline engine needs no trained classifier.
    const engine = createEvalEngine(config, set.taxonomy, null, variant.model);
    const label = labelOf(variant);
    const concurrency = options.concurrency ?? (engine.provider === 'offline' ? 1 : 4);
    const startedAt = new Date();
    const ctx = { config, pool, engine, prompts: set.prompts, label, progress, concurrency };
    const { items, figures } = await def.pass(data, ctx);
    const record = { useCase: def.useCase, label, engine, promptVersions: versions, startedAt, figures };
    runs.push(await storeRun(pool, store, record, items));
  }
  progress.stop();

  const ab = compareRuns(runs, def.abFigures);
  const [a, b] = runs;
  const offline = runs.every((r) => r.provider === 'offline');
  const report: UseCaseReport<F> = {
    useCase: def.useCase,
    generatedAt: new Date(),
    engineNote: offline
      ? `Served by the offline engine: ${def.offlineNote} Its token counts are estimates (characters / 4) and it costs $0.`
      : `Served by ${runs.map((r) => `${r.provider} (${r.model})`).join(' and ')}.`,
    datasetNote: def.datasetNote(data),
    unit: def.unit,
    runs,
    headlines: def.headlines,
    cards: def.cards,
    blocks: def.blocks,
    ab,
    notes: [
      ...def.notes(data, offline),
      offline && ab
        ? 'The offline engine reads structured variables, not prompt prose, so a prompt change cannot move its ' +
          'accuracy; the A/B shows the token effect of the prompt alone.'
        : '',
      a && b && a.model === b.model && JSON.stringify(a.promptVersions) === JSON.stringify(b.promptVersions)
        ? `${a.label} and ${b.label} serve the same ${def.prompts.join(', ')}: any difference here is noise.`
        : '',
    ].filter(Boolean),
  };
  const paths = writeReportFiles(options.reportsDir, `${def.useCase}${ab ? '-ab' : ''}`, report.generatedAt, {
    markdown: renderUseCaseMarkdown(report),
    html: renderUseCaseHtml(report),
  });
  return { report, paths };
}
