import { writeFile } from 'node:fs/promises';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';

export interface AcmaOptions {
  json?: boolean;
  csv?: boolean;
  out?: string;
  check?: boolean;
}

/** Runs a month's report now; with --as-of, as it stood on that date (PENDING and due dates measured from it). */
export async function runAcmaReport(ctx: CliContext, month: string, options: { asOf?: string }): Promise<ExitCode> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new CliError(ExitCode.usage, `month must be YYYY-MM, got ${JSON.stringify(month)}`);
  }
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    throw new CliError(ExitCode.usage, `--as-of must be YYYY-MM-DD, got ${JSON.stringify(options.asOf)}`);
  }
  const run = await ctx.api().startAcmaReport(month, options.asOf);
  ctx.io.stdout.write(`${run.started ? 'Started' : 'Joined'} ${run.workflowId}.\n`);
  ctx.io.stderr.write(`When it completes: switchboard reports acma ${month} [--check]\n`);
  return ExitCode.ok;
}

/**
 * Fetching a report succeeds whatever the report says: an archiving cron job must not fail because a month had
 * breaches. A release or filing gate opts in with --check, which exits 7 unless the verdict is PASS.
 */
export async function fetchAcmaReport(ctx: CliContext, month: string, options: AcmaOptions): Promise<ExitCode> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new CliError(ExitCode.usage, `month must be YYYY-MM, got ${JSON.stringify(month)}`);
  }
  if (options.json && options.csv) throw new CliError(ExitCode.usage, '--json and --csv: choose one');
  const api = ctx.api();
  const report = options.csv && !options.check ? undefined : await api.acmaReport(month);
  const body = options.csv ? await api.acmaReportCsv(month) : `${JSON.stringify(report, null, 2)}\n`;
  if (options.out) {
    await writeFile(options.out, body);
    ctx.io.stderr.write(`Wrote the ${month} report to ${options.out}.\n`);
  } else {
    ctx.io.stdout.write(body);
  }
  if (options.check && report && report.verdict !== 'PASS') {
    ctx.io.stderr.write(`The ${month} report's verdict is ${report.verdict}.\n`);
    return ExitCode.reportNotPassing;
  }
  return ExitCode.ok;
}
