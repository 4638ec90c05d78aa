import { Pool } from 'pg';
import { requireDatabaseUrl } from '../config';
import { benchFraud, type FraudBenchResult } from '../tooling/fraud-data/benchmark';
import { generate } from '../tooling/fraud-data/generate';
import type { BenchContext } from './context';
import { fraudSummaryCost } from './fraud-summary-cost';

export interface FraudPhaseResult extends FraudBenchResult {
  /** Null when a population of the wanted size was already loaded and reused. */
  generateSeconds: number | null;
  /** Summaries' cost per 1,000, synchronous against batch mode, against the API emulator (bench/fraud-summary-cost.ts). */
  summaryCost: Awaited<ReturnType<typeof fraudSummaryCost>>;
}

export const fraudAccounts = { full: 1_000_000, ci: 20_000 } as const;

/**
 * Detection over the synthetic population and offline summary throughput (tooling/fraud-data/benchmark.ts), then the
 * summaries' cost per 1,000 in sync and batch mode (bench/fraud-summary-cost.ts). A population of
 * the wanted size is reused if one is loaded, since a million accounts takes minutes to generate; generation time is
 * reported but is not part of the benchmark.
 */
export async function runFraudBench(ctx: BenchContext): Promise<FraudPhaseResult> {
  const pool = new Pool({ connectionString: requireDatabaseUrl(ctx.config), max: 2 });
  try {
    const wanted = fraudAccounts[ctx.size];
    const loaded = Number((await pool.query('SELECT count(*) AS n FROM fraud_accounts')).rows[0].n);
    let generateSeconds: number | null = null;
    if (loaded !== wanted) {
      ctx.log(`fraud: generating ${wanted.toLocaleString('en-AU')} accounts x 30 days (${loaded} loaded)`);
      const started = Date.now();
      await generate(pool, { accounts: wanted, days: 30, seed: 42, end: new Date().toISOString().slice(0, 10) });
      generateSeconds = (Date.now() - started) / 1000;
    }
    ctx.log('fraud: detection and summaries');
    const result = await benchFraud(pool, { summaries: 2000 });
    ctx.log('fraud: summary cost, synchronous against batch, through the Anthropic API emulator');
    const summaryCost = await fraudSummaryCost(ctx.size === 'ci' ? 200 : 1000);
    return { ...result, generateSeconds, summaryCost };
  } finally {
    await pool.end();
  }
}
