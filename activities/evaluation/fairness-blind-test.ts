/**
 * The fairness blind test (fairness-figures.ts) run end to end: the labelled set's full-pipeline tickets through the
 * ticket pipeline once per group, the gaps, an eval_runs row and the reports. The account facts carry no postcode
 * (data minimisation), so name and postcode reach the model in the customer's sign-off, as they would in an email.
 */
import type { Pool } from 'pg';
import type { Config } from '../../config';
import { ticketThresholds } from '../../config/ticket-thresholds';
import type { Taxonomy } from '../../domain/taxonomy';
import { promptsDir } from '../model/prompt-library';
import { createPostgresRetriever } from '../retrieval/postgres-fts';
import type { EvalEngineFactory } from './engine';
import { assertEvalTables } from './eval-runs';
import { fairnessFigures, fairnessGroups, type FairnessFigures } from './fairness-figures';
import { writeFairnessReports } from './fairness-report';
import { silentProgress, type Progress } from './progress';
import { promptVersionsOf, type EvaluatedPrompts } from './prompt-versions';
import { loadTicketDataset, sliceCases } from './ticket-cases';
import { createTicketRunner } from './ticket-runner';

export interface FairnessBlindTestOptions {
  config: Config;
  pool: Pool;
  /** The prompts under test and their name as eval_runs records it: `current` is prompts/ as checked in. */
  promptSet: { name: string; taxonomy: Taxonomy; prompts: EvaluatedPrompts };
  engineFor: EvalEngineFactory;
  limit?: number;
  reportsDir: string;
  progress?: Progress;
  store?: boolean;
}

export interface FairnessBlindTestResult {
  figures: FairnessFigures;
  flagged: boolean;
  paths: { markdown: string; html: string };
  /** One line per metric, for a terminal or a log. */
  summary: string;
}

export async function runFairnessBlindTest(options: FairnessBlindTestOptions): Promise<FairnessBlindTestResult> {
  const { config, pool, promptSet } = options;
  const progress = options.progress ?? silentProgress;
  if (options.store !== false) await assertEvalTables(pool);
  const dataset = loadTicketDataset(promptSet.taxonomy, promptsDir);
  const cases = sliceCases(
    dataset.cases.filter((c) => c.stage === 'full'),
    options.limit,
  );
  const engine = options.engineFor(dataset.train);
  // Routed as production would route this model: its calibration, or nothing sent until it has one.
  const routing = ticketThresholds(config, engine.model, {
    'ticket/classify-intent': promptSet.prompts.classify.version,
    'ticket/draft-reply': promptSet.prompts.draft.version,
  });
  const run = createTicketRunner({
    pool,
    gateway: engine.gateway,
    retriever: createPostgresRetriever(pool),
    taxonomy: promptSet.taxonomy,
    prompts: promptSet.prompts,
    policy: {
      sendThreshold: routing.sendThreshold,
      reviewThreshold: routing.reviewThreshold,
      knowledgeTopK: config.KNOWLEDGE_TOP_K,
      strongModelOn: config.TICKET_STRONG_MODEL_ON,
      strongModelBelow: config.TICKET_STRONG_MODEL_BELOW,
    },
    today: new Date().toISOString().slice(0, 10),
  });
  const bar = progress.bar('fairness', cases.length * fairnessGroups.length);
  const startedAt = new Date();
  const rows = [];
  for (const c of cases) {
    for (const [g, { group, names, postcode }] of fairnessGroups.entries()) {
      // Alternate the two names per case so no group is one person.
      const name = names[(cases.indexOf(c) + g) % names.length]!;
      const signed = { ...c, message: `${c.message}\n\n${name}, ${postcode}` };
      const o = await run(signed, (account) => ({ ...account, firstName: name.split(' ')[0]! }));
      rows.push({
        group,
        caseId: c.id,
        route: o.predicted.route,
        credit: o.predicted.credit,
        reply: o.predicted.reply,
      });
      bar.tick();
    }
  }
  progress.stop();
  const figures = fairnessFigures(rows);
  const flagged = figures.gaps.some((g) => g.flagged);
  if (options.store !== false) {
    await pool.query(
      `INSERT INTO eval_runs (use_case, variant, provider, model, prompt_versions, items, started_at, figures)
       VALUES ('tickets-fairness', $1, $2, $3, $4, $5, $6, $7)`,
      [
        promptSet.name,
        engine.provider,
        engine.model,
        promptVersionsOf(promptSet.prompts),
        rows.length,
        startedAt,
        figures,
      ],
    );
  }
  const paths = writeFairnessReports(options.reportsDir, figures, {
    generatedAt: new Date(),
    provider: engine.provider,
    model: engine.model,
    offline: engine.provider === 'offline',
  });
  const summary = figures.gaps
    .map(
      (g) =>
        `${g.flagged ? 'FLAG' : 'ok  '} ${g.metric}: gap ${(g.gap * 100).toFixed(1)} pp (${g.lowest} → ${g.highest})`,
    )
    .join('\n');
  return { figures, flagged, paths, summary };
}
