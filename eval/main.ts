/**
 * `npm run eval -- --use-case tickets|faults|fraud|acma|guardrails [--size ci] [--provider …] [--prompt-version A --vs B]
 * [--model A --vs-model B] [--limit n] [--accounts n] [--fairness] [--calibrate] [--cases file] [--emulator]`: see
 * eval/README.md.
 */
import { join } from 'node:path';
import { loadConfigOrExit, type Config } from '../config';
import { defaultCalibrationsDir } from '../config/calibration';
import { startModelEmulatorIfNeeded, type EmulatorSession } from '../tooling/emulators/model-emulator';
import { describeCalibration, writeCalibration } from './calibrate';
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

/** The command as an operator would repeat it: where reports went, or whether the run was stored, changes no fit. */
function fitCommand(argv: string[]): string {
  const kept = argv.filter(
    (arg, i) => arg !== '--no-store' && arg !== '--reports-dir' && argv[i - 1] !== '--reports-dir',
  );
  return `npm run eval -- ${kept.join(' ')}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = await parseEvalOptions(argv);
  const log = (line: string) => console.error(line);
  // --emulator: the real SDK against a loopback copy of the provider's API, answered by the offline engine.
  const emulator: EmulatorSession | null = options.emulator
    ? await startModelEmulatorIfNeeded({ MODEL_PROVIDER: options.provider })
    : null;
  try {
    if (emulator?.description) log(emulator.description);
    // The AWS SDK reads its credentials from the environment, never from Switchboard's config.
    Object.assign(process.env, emulator?.env ?? {});
    const config = loadConfigOrExit({
      ...process.env,
      ...(options.provider ? { MODEL_PROVIDER: options.provider } : {}),
      ...(emulator?.env ?? {}),
    });
    await evaluate(options, config, { argv, emulated: emulator !== null, log });
  } finally {
    await emulator?.close();
  }
}

async function evaluate(
  options: CliOptions,
  config: Config,
  invocation: { argv: string[]; emulated: boolean; log: (line: string) => void },
): Promise<void> {
  const { log } = invocation;
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
    const { report, paths, outcomes, casesNote } = await runTicketsEval({
      ...common,
      variants: variantsOf(options),
      limit: options.limit,
      targets: options.targetError,
      casesFile: options.cases,
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
    if (options.calibrate) {
      const dir = options.calibrationsDir ?? config.TICKET_CALIBRATIONS_DIR ?? defaultCalibrationsDir;
      const { calibration, path } = writeCalibration(dir, {
        run: report.runs[0]!,
        outcomes: outcomes[0]!,
        targets: { sendError: options.targetError[0]!, reviewError: options.reviewTargetError },
        dataset: casesNote,
        servedBy: invocation.emulated ? 'emulator' : config.MODEL_PROVIDER === 'offline' ? 'offline-engine' : 'api',
        command: fitCommand(invocation.argv),
        date: new Date(),
      });
      console.log('');
      for (const line of describeCalibration(calibration, path)) console.log(line);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
