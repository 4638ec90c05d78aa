import type { CliOptions } from '../options';
import { fmt } from '../report/format';
import type { ReportPaths } from '../report/write';
import { runUseCaseEval, type UseCaseDefinition, type UseCaseOptions } from '../use-case';
import { acmaUseCase } from './acma';
import { faultsUseCase } from './faults';
import { fraudUseCase } from './fraud';

export interface NamedRun {
  /** What stdout shows: each variant's headline figures, then the A/B verdict if there is one. */
  lines: string[];
  paths: ReportPaths;
}

async function runAndSummarise<D, F>(def: UseCaseDefinition<D, F>, options: UseCaseOptions): Promise<NamedRun> {
  const { report, paths } = await runUseCaseEval(def, options);
  const lines = report.runs.flatMap((run) => [
    `${run.label}: ${report.headlines.map((h) => `${h.label} ${fmt(h.value(run.figures), h.kind)}`).join(', ')}` +
      (run.runId ? ` (eval_runs #${run.runId})` : ''),
    ...(def.details?.(run.figures) ?? []).map((line) => `  ${line}`),
  ]);
  return { lines: report.ab ? [...lines, '', report.ab.recommendation.verdict] : lines, paths };
}

/** The evaluation behind each `--use-case` other than tickets, with the options that shape its data. */
export function runNamedUseCase(
  name: 'faults' | 'fraud' | 'acma',
  cli: Pick<CliOptions, 'limit' | 'accounts'>,
  options: UseCaseOptions,
): Promise<NamedRun> {
  switch (name) {
    case 'faults':
      return runAndSummarise(faultsUseCase(cli.limit), options);
    case 'fraud':
      return runAndSummarise(fraudUseCase(cli.accounts, cli.limit), options);
    case 'acma':
      return runAndSummarise(acmaUseCase(), options);
  }
}
