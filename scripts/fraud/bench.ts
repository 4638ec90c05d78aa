import { Pool } from 'pg';
import { loadConfigOrExit, requireDatabaseUrl } from '../../config';
import { runScript, scriptCommand } from '../../client/cli/script-args';
import { benchFraud } from '../../tooling/fraud-data/benchmark';

export interface FraudBenchOptions {
  /** The sweep date; without it, the latest day of the loaded population. */
  date?: string;
  summaries: number;
}

/** `npm run bench:fraud -- [--date YYYY-MM-DD] [--summaries N]` */
export async function parseFraudBenchOptions(argv: string[]): Promise<FraudBenchOptions> {
  const { program, Option, values } = await scriptCommand(
    'npm run bench:fraud --',
    'Time detection over the loaded fraud population, then offline summary throughput through the model gateway',
  );
  program
    .addOption(
      new Option('--date <date>', 'sweep date, YYYY-MM-DD (default: the latest day loaded)').argParser(values.isoDate),
    )
    .addOption(
      new Option('--summaries <n>', 'flagged accounts to summarise').argParser(values.positiveInteger).default(2000),
    );
  return program.parse(argv, { from: 'user' }).opts<FraudBenchOptions>();
}

async function main(): Promise<void> {
  const options = await parseFraudBenchOptions(process.argv.slice(2));
  const pool = new Pool({ connectionString: requireDatabaseUrl(loadConfigOrExit()), max: 1 });
  try {
    const r = await benchFraud(pool, options);
    console.log(`accounts: ${r.accounts}; sweep date ${r.date}`);
    console.log(`detection: ${r.detectSeconds.toFixed(1)} s, ${r.flaggedAccounts} accounts flagged`);
    console.log(
      `summaries (offline engine, in process): ${r.summaries} in ${r.summarySeconds.toFixed(2)} s = ` +
        `${r.summariesPerSecond.toFixed(0)}/s, ${r.unverified} unverified`,
    );
  } finally {
    await pool.end();
  }
}

if (require.main === module) runScript(main);
