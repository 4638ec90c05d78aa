/**
 * `npm run eval -- --use-case tickets [--provider …] [--prompt-version A --vs B] [--model A --vs-model B]
 * [--limit n] [--fairness]`: see eval/README.md.
 */
import { join } from 'node:path';
import { loadConfigOrExit } from '../config';
import { assertSeeded, openEvalDatabase } from './database';
import { runFairnessEval } from './fairness';
import { parseEvalOptions } from './options';
import { terminalProgress } from './progress';
import { runTicketsEval, type Variant } from './run';
import { fmt } from './report/format';

async function main(): Promise<void> {
  const options = await parseEvalOptions(process.argv.slice(2));
  const config = loadConfigOrExit(
    options.provider ? { ...process.env, MODEL_PROVIDER: options.provider } : process.env,
  );
  if (options.useCase !== 'tickets') {
    console.error(`--use-case ${options.useCase} is not evaluated yet; tickets is. See eval/README.md.`);
    process.exit(2);
  }
  const log = (line: string) => console.error(line);
  const db = await openEvalDatabase(config, log);
  const reportsDir = options.reportsDir ?? join(config.REPORTS_DIR, 'eval');
  try {
    await assertSeeded(db.pool);
    log(`database: ${db.source}; provider: ${config.MODEL_PROVIDER}`);
    if (options.fairness) {
      const result = await runFairnessEval({
        config,
        pool: db.pool,
        promptVersion: options.promptVersion,
        model: options.model,
        limit: options.limit,
        reportsDir,
        progress: terminalProgress(),
        store: options.store,
      });
      console.log(result.summary);
      console.log(`\nReports: ${result.paths.markdown}\n         ${result.paths.html}`);
      if (result.flagged) process.exitCode = 1;
      return;
    }
    const a: Variant = { promptVersion: options.promptVersion, model: options.model };
    const b: Variant | undefined =
      options.vs || options.vsModel
        ? { promptVersion: options.vs ?? a.promptVersion, model: options.vsModel ?? a.model }
        : undefined;
    const { report, paths } = await runTicketsEval({
      config,
      pool: db.pool,
      variants: b ? [a, b] : [a],
      limit: options.limit,
      targets: options.targetError,
      concurrency: options.concurrency,
      reportsDir,
      progress: terminalProgress(),
      store: options.store,
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
    console.log(`\nReports: ${paths.markdown}\n         ${paths.html}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
