/**
 * `npm run eval -- --use-case tickets|faults|fraud|acma|guardrails [--size ci] [--provider …] [--prompt-version A --vs B]
 * [--model A --vs-model B] [--limit n] [--accounts n] [--fairness]`: see eval/README.md.
 */
import { join } from 'node:path';
import { loadConfigOrExit } from '../config';
import { assertSeeded, openEvalDatabase } from './database';
import { runFairnessEval } from './fairness';
import { parseEvalOptions, type CliOptions } from './options';
import { terminalProgress } from './progress';
import { runTicketsEval, type Variant } from './run';
import { fmt } from './report/format';
import type { ReportPaths } from './report/write';
import { runNamedUseCase } from './use-cases';
import { runGuardrailsEval } from './use-cases/guardrails';
import type { UseCaseOptions } from './use-case';

function variantsOf(options: CliOptions): [Variant] | [Variant, Variant] {
  const a: Variant = { promptVersion: options.promptVersion, model: options.model };
  if (!options.vs && !options.vsModel) return [a];
  return [a, { promptVersion: options.vs ?? a.promptVersion, model: options.vsModel ?? a.model }];
}

const printPaths = (paths: Pick<ReportPaths, 'markdown' | 'html'>) =>
  console.log(`\nReports: ${paths.markdown}\n         ${paths.html}`);

async function runOther(options: CliOptions, base: Omit<UseCaseOptions, 'variants'>): Promise<void> {
  const useCase = options.useCase as Exclude<CliOptions['useCase'], 'tickets' | 'guardrails'>;
  const { lines, paths } = await runNamedUseCase(useCase, options, { ...base, variants: variantsOf(options) });
  for (const line of lines) console.log(line);
  printPaths(paths);
}

async function main(): Promise<void> {
  const options = await parseEvalOptions(process.argv.slice(2));
  const config = loadConfigOrExit(
    options.provider ? { ...process.env, MODEL_PROVIDER: options.provider } : process.env,
  );
  const log = (line: string) => console.error(line);
  const reportsDir = options.reportsDir ?? join(config.REPORTS_DIR, 'eval');
  // The guardrails are pure: their generated set needs no database, so none is opened or started.
  if (options.useCase === 'guardrails') {
    const { lines, pass, paths } = runGuardrailsEval(options.size, reportsDir);
    for (const line of lines) console.log(line);
    printPaths(paths);
    if (!pass) process.exitCode = 1;
    return;
  }
  const db = await openEvalDatabase(config, log);
  try {
    await assertSeeded(db.pool);
    log(`database: ${db.source}; provider: ${config.MODEL_PROVIDER}`);
    const common = {
      config,
      pool: db.pool,
      reportsDir,
      concurrency: options.concurrency,
      progress: terminalProgress(),
      store: options.store,
    };
    if (options.useCase !== 'tickets') return await runOther(options, common);
    if (options.fairness) {
      const { concurrency: _c, ...fairness } = common;
      const result = await runFairnessEval({
        ...fairness,
        promptVersion: options.promptVersion,
        model: options.model,
        limit: options.limit,
      });
      console.log(result.summary);
      printPaths(result.paths);
      if (result.flagged) process.exitCode = 1;
      return;
    }
    const { report, paths } = await runTicketsEval({
      ...common,
      variants: variantsOf(options),
      limit: options.limit,
      targets: options.targetError,
    });
    for (const run of report.runs) {
      const f = run.figures;
      console.log(
        `${run.label}: intent ${fmt(f.intent.accuracy, 'pct')}, department ${fmt(f.department.accuracy, 'pct')}, ` +
          `route ${fmt(f.route.accuracy, 'pct')}, guardrails ${fmt(f.guardrails.catchRate, 'pct')}, ` +
          `call p50/p95/p99 ${fmt(f.latency.call.p50, 'ms')}/${fmt(f.latency.call.p95, 'ms')}/${fmt(f.latency.call.p99, 'ms')}, ` +
          `cost/ticket ${fmt(f.usage.perTicket.costUsd, 'usd')}${run.runId ? ` (eval_runs #${run.runId})` : ''}`,
      );
    }
    if (report.ab) console.log(`\n${report.ab.recommendation.verdict}`);
    printPaths(paths);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
