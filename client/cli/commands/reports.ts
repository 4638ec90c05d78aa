import { writeFile } from 'node:fs/promises';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';

export interface AcmaOptions {
  csv?: boolean;
  out?: string;
  check?: boolean;
}

/**
 * Fetching a report succeeds whatever the report says: an archiving cron job must not fail because a month had
 * breaches. A release or filing gate opts in with --check, which exits 7 unless the verdict is PASS.
 */
export async function fetchAcmaReport(ctx: CliContext, month: string, options: AcmaOptions): Promise<ExitCode> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new CliError(ExitCode.usage, `month must be YYYY-MM, got ${JSON.stringify(month)}`);
  }
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
