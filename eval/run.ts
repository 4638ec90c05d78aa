/** The tickets evaluation end to end: datasets, one pass per variant, figures, A/B, reports, eval_runs rows. */
import type { Pool } from 'pg';
import type { Config } from '../config';
import { ticketThresholds } from '../config/ticket-thresholds';
import { promptsDir } from '../activities/model/prompt-library';
import { createPostgresRetriever } from '../activities/retrieval/postgres-fts';
import { compareRuns } from './ab';
import { loadAdversarialReplies } from './datasets/adversarial';
import {
  HELD_OUT_FRACTION,
  loadTicketDataset,
  readOperatorCases,
  sliceCases,
} from '../activities/evaluation/ticket-cases';
import { loadUnseenRows, unseenCases } from './datasets/tickets-unseen';
import { unseenSection, type UnseenRun } from './scoring/unseen-tickets';
import { createEvalEngine } from '../workers/evaluation-engine';
import { abFiguresOf, computeFigures } from './figures';
import { silentProgress, type Progress } from '../activities/evaluation/progress';
import { resolvePromptSet } from './prompt-sets';
import { writeReports, type ReportPaths } from './report/write';
import type { Report, ReportRun } from './report/model';
import { createTicketRunner } from '../activities/evaluation/ticket-runner';
import { runGuardrailSet } from './runners/guardrails';
import { mapLimit } from './map-limit';
import { assertEvalTables } from '../activities/evaluation/eval-runs';
import { storeRun, ticketItem } from './store';
import type { TicketOutcome } from '../activities/evaluation/outcomes';

export interface Variant {
  /** A prompt version: `current` or a directory under eval/prompt-variants. */
  promptVersion: string;
  /** Replaces the fast-tier model id; LLM providers only. */
  model?: string;
}

export interface EvalOptions {
  config: Config;
  pool: Pool;
  variants: [Variant] | [Variant, Variant];
  limit?: number;
  /** The operator's own labelled tickets (JSONL, as activities/evaluation/tickets-cases.jsonl) instead of the built-in set. */
  casesFile?: string;
  /** Error rates to find confidence thresholds for; 001's high and medium bands by default. */
  targets?: number[];
  concurrency?: number;
  reportsDir: string;
  progress?: Progress;
  store?: boolean;
}

export interface EvalResult {
  report: Report;
  outcomes: TicketOutcome[][];
  paths: ReportPaths;
  /** Which labelled tickets were run, in words. */
  casesNote: string;
}

export const labelOf = (v: Variant) => [v.promptVersion, v.model].filter(Boolean).join(' @ ');

export async function runTicketsEval(options: EvalOptions): Promise<EvalResult> {
  const { config, pool, variants } = options;
  const progress = options.progress ?? silentProgress;
  const targets = options.targets ?? [0.02, 0.08];
  const store = options.store ?? true;
  if (store) await assertEvalTables(pool);
  const today = new Date().toISOString().slice(0, 10);
  const sets = variants.map((v) => resolvePromptSet(v.promptVersion));
  const taxonomy = sets[0]!.set.taxonomy;
  const dataset = loadTicketDataset(taxonomy, promptsDir);
  const cases = sliceCases(
    options.casesFile ? readOperatorCases(options.casesFile, taxonomy) : dataset.cases,
    options.limit,
  );
  const unseenRows = loadUnseenRows(taxonomy);
  const unseen = options.limit === undefined && !options.casesFile ? unseenCases(unseenRows) : [];
  const sliceRuns: UnseenRun[] = [];

  const replies = loadAdversarialReplies();
  const guardBar = progress.bar('guardrail set', replies.length);
  const guardrails = await runGuardrailSet(pool, replies, today, () => guardBar.tick());

  const runs: ReportRun[] = [];
  const sendOff: string[] = [];
  const allOutcomes: TicketOutcome[][] = [];
  for (const [i, variant] of variants.entries()) {
    const { set, versions } = sets[i]!;
    const engine = createEvalEngine(config, taxonomy, dataset.train, variant.model);
    // Routed as production would route this model: its calibration, or nothing sent until it has one.
    const routing = ticketThresholds(config, engine.model, {
      'ticket/classify-intent': set.prompts.classify.version,
      'ticket/draft-reply': set.prompts.draft.version,
    });
    const thresholds = { send: routing.sendThreshold, review: routing.reviewThreshold };
    if (routing.sendOffReason)
      sendOff.push(`${labelOf(variant)}: nothing was sent automatically, ${routing.sendOffReason}.`);
    const run = createTicketRunner({
      pool,
      gateway: engine.gateway,
      retriever: createPostgresRetriever(pool),
      taxonomy,
      prompts: set.prompts,
      policy: {
        sendThreshold: thresholds.send,
        reviewThreshold: thresholds.review,
        knowledgeTopK: config.KNOWLEDGE_TOP_K,
        strongModelOn: config.TICKET_STRONG_MODEL_ON,
        strongModelBelow: config.TICKET_STRONG_MODEL_BELOW,
      },
      today,
    });
    const label = labelOf(variant);
    const bar = progress.bar(`tickets: ${label}`, cases.length);
    const startedAt = new Date();
    const concurrency = options.concurrency ?? (engine.provider === 'offline' ? 1 : 4);
    const outcomes = await mapLimit(cases, concurrency, async (c) => {
      const outcome = await run(c);
      bar.tick();
      return outcome;
    });
    // The hand-written set runs through the same runner but stays out of the headline figures, so they remain
    // comparable with earlier runs; it gets its own table beside the Bitext split.
    const unseenOutcomes = await mapLimit(unseen, concurrency, (c) => run(c));
    sliceRuns.push({ label, bitext: outcomes.filter((o) => o.tags.includes('held-out')), unseen: unseenOutcomes });
    const figures = computeFigures(outcomes, guardrails, thresholds, targets);
    const record = { useCase: 'tickets', label, engine, promptVersions: versions, startedAt, figures };
    runs.push(await storeRun(pool, store, record, outcomes.map(ticketItem)));
    allOutcomes.push(outcomes);
  }
  progress.stop();

  const casesNote = options.casesFile
    ? `${cases.length} labelled tickets from ${options.casesFile}.`
    : `${cases.length} items${options.limit !== undefined ? ` (first ${options.limit} of ${dataset.cases.length})` : ''}: ` +
      `${dataset.source.seed} seed examples and ${dataset.source.own} of our own cases (intent, department, route), ` +
      `then ${dataset.source.heldOut} held-out rows of the Bitext telco sample and Switchboard's examples ` +
      `(intent and department; hash split ${HELD_OUT_FRACTION}, as scripts/eval-intents.ts).`;
  const ab = compareRuns(runs, abFiguresOf);
  const offline = runs.every((r) => r.provider === 'offline');
  const report: Report = {
    useCase: 'tickets',
    generatedAt: new Date(),
    engineNote: offline
      ? 'Served by the offline engine: a naive-Bayes intent classifier plus reply templates, NOT an LLM. For this ' +
        'evaluation it is trained on the training split only, so the held-out rows are unseen. Its confidences ' +
        'are softmax probabilities, its token counts are estimates (characters / 4) and it costs $0.'
      : `Served by ${runs.map((r) => `${r.provider} (${r.model})`).join(' and ')}.`,
    datasetNote: `${casesNote} ${replies.length} drafted replies for the guardrails.`,
    runs,
    ab,
    ...(unseen.length ? { slices: unseenSection(sliceRuns, unseenRows) } : {}),
    notes: [
      ...sendOff,
      'Held-out rows come from the same generated sources as the training rows, so they flatter any classifier.',
      offline && ab
        ? 'The offline engine reads structured variables, not prompt prose, so a prompt change cannot move its ' +
          'accuracy; the A/B shows the token (and, on a priced model, cost) effect of the prompt alone.'
        : '',
    ].filter(Boolean),
  };
  const paths = writeReports(report, options.reportsDir);
  return { report, outcomes: allOutcomes, paths, casesNote };
}
