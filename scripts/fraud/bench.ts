import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { detectAnomalies } from '../../activities/fraud/detect';
import { summariseRequest } from '../../activities/fraud/summarise-request';
import { createModelGateway } from '../../activities/model/gateway';
import { loadConfigOrExit, requireDatabaseUrl } from '../../config';
import { inventedFigures, type FlaggedAccount } from '../../domain/fraud/summary';
import { createOfflineProvider, loadPromptSet } from '../../workers/model-deps';

/**
 * `npm run bench:fraud -- [--date YYYY-MM-DD] [--summaries N]`: detection time over whatever population is loaded
 * (see `npm run data:generate`), then summary throughput through the model gateway with the offline engine.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const pool = new Pool({ connectionString: requireDatabaseUrl(loadConfigOrExit()), max: 1 });
  try {
    const date =
      (args.includes('--date') ? args[args.indexOf('--date') + 1] : undefined) ??
      (await pool.query('SELECT max(day)::text AS d FROM fraud_data_sessions')).rows[0].d;
    const limit = Number(args.includes('--summaries') ? args[args.indexOf('--summaries') + 1] : 2000);
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
    const sample = [...byAccount.values()].slice(0, limit);
    let unverified = 0;
    started = performance.now();
    for (const account of sample) {
      const response = await gateway.call(summariseRequest(prompts.summariseFraud, account));
      if (inventedFigures(response.output.narrative, account.evidence).length) unverified += 1;
    }
    const summarySeconds = (performance.now() - started) / 1000;
    console.log(`accounts: ${accounts}; sweep date ${date}`);
    console.log(`detection: ${detectSeconds.toFixed(1)} s, ${byAccount.size} accounts flagged`);
    console.log(
      `summaries (offline engine, in process): ${sample.length} in ${summarySeconds.toFixed(2)} s = ` +
        `${(sample.length / summarySeconds).toFixed(0)}/s, ${unverified} unverified`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
