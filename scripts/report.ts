import { Pool } from 'pg';
import { fetchLatestReport } from '../client';
import { loadConfigOrExit, requireDatabaseUrl } from '../config';
import { runScript, scriptCommand } from '../client/cli/script-args';

export interface ReportOptions {
  month: string;
  format: 'csv' | 'json';
}

/** `npm run report -- --month 2025-01 [--format csv|json]` */
export async function parseReportOptions(argv: string[]): Promise<ReportOptions> {
  const { program, Option, values } = await scriptCommand(
    'npm run report --',
    'Print the latest stored ACMA data-breach report for a month',
  );
  program
    .addOption(new Option('--month <YYYY-MM>', 'the reported month').argParser(values.yearMonth).makeOptionMandatory())
    .addOption(
      new Option('--format <format>', 'CSV and summary, or the stored record').choices(['csv', 'json']).default('csv'),
    );
  return program.parse(argv, { from: 'user' }).opts<ReportOptions>();
}

/** The latest stored ACMA report for a month. */
async function main(): Promise<void> {
  const { month, format } = await parseReportOptions(process.argv.slice(2));
  const pool = new Pool({ connectionString: requireDatabaseUrl(loadConfigOrExit()), max: 1 });
  try {
    const report = await fetchLatestReport(pool, month);
    if (!report) throw new Error(`no stored report for ${month}`);
    process.stdout.write(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${report.csv}\n${report.summary}\n`,
    );
  } finally {
    await pool.end();
  }
}

if (require.main === module) runScript(main);
