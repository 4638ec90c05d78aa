import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { detectAnomalies } from '../../activities/fraud/detect';
import { summariseRequest } from '../../activities/fraud/summarise-request';
import { createModelGateway } from '../../activities/model/gateway';
import { inventedFigures, type FlaggedAccount } from '../../domain/fraud/summary';
import { createOfflineProvider, loadPromptSet } from '../../workers/model-deps';

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
