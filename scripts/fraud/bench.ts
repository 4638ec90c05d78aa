import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { detectAnomalies } from '../../activities/fraud/detect';
import { summariseRequest } from '../../activities/fraud/summarise-request';
import { createModelGateway } from '../../activities/model/gateway';
import { loadConfigOrExit, requireDatabaseUrl } from '../../config';
import { inventedFigures, type FlaggedAccount } from '../../domain/fraud/summary';
import { createOfflineProvider, loadPromptSet } from '../../workers/model-deps';
import { runScript, scriptCommand } from '../../client/cli/script-args';

export interface FraudBenchResult {
  accounts: number;
  date: string;
  detectSeconds: number;
  flaggedAccounts: number;
  summaries: number;
  summarySeconds: number;
  summariesPerSecond: number;
  unverified: number;
}

/**
 * Detection time over whatever population is loaded (see `npm run data:generate`), then summary throughput through
 * the model gateway with the offline engine, in process. `npm run bench` reuses this for its fraud figures.
 */
export async function benchFraud(
  pool: Pool,
  options: { date?: string; summaries?: number } = {},
): Promise<FraudBenchResult> {
  const date: string =
    options.date ?? (await pool.query('SELECT max(day)::text AS d FROM fraud_data_sessions')).rows[0].d;
  const accounts = Number((await pool.query('SELECT count(*) AS n FROM fraud_accounts')).rows[0].n);
  let started = performance.now();
  const flags = await detectAnomalies(pool, date);
  const detectSeconds = (performance.now() - started) / 1000;

  const byAccount = new Map<string, FlaggedAccount>();
  for (const f of flags) {
    const a = byAccount.get(f.accountId) ?? { accountId: f.accountId, patterns: [], evidence: {}, planType: '' };
    a.patterns.push(f.pattern);
    a.evidence[f.pattern] = f.evidence;
    byAccount.set(f.accountId, a);
  }
  const { taxonomy, prompts } = loadPromptSet();
  const gateway = createModelGateway({
    provider: createOfflineProvider(taxonomy),
    modelIds: { fast: 'switchboard-offline-1', strong: 'switchboard-offline-1' },
  });
  const sample = [...byAccount.values()].slice(0, options.summaries ?? 2000);
  let unverified = 0;
  started = performance.now();
  for (const account of sample) {
    const response = await gateway.call(summariseRequest(prompts.summariseFraud, account));
    if (inventedFigures(response.output.narrative, account.evidence).length) unverified += 1;
  }
  const summarySeconds = (performance.now() - started) / 1000;
  return {
    accounts,
    date,
    detectSeconds,
    flaggedAccounts: byAccount.size,
    summaries: sample.length,
    summarySeconds,
    summariesPerSecond: summarySeconds > 0 ? sample.length / summarySeconds : 0,
    unverified,
  };
}

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
