import { Pool } from 'pg';
import { fetchLatestReport } from '../client';
import { loadConfigOrExit, requireDatabaseUrl } from '../config';

/** `npm run report -- --month 2025-01 [--format csv|json]`: the latest stored ACMA report for a month. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const month = args[args.indexOf('--month') + 1];
  const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : 'csv';
  if (!month || !args.includes('--month') || !['csv', 'json'].includes(format ?? '')) {
    throw new Error('usage: npm run report -- --month YYYY-MM [--format csv|json]');
  }
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
