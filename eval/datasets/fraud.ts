/**
 * The labelled fraud set: a deterministic population from tooling/fraud-data/generate.ts, whose injected frauds and
 * look-alikes are the labels, detected by the sweep's own SQL. The generator truncates the tables it fills, so it
 * fills copies in a scratch schema, dropped afterwards: the fraud_* tables that the e2e tests, the bench and the
 * dev stack share are never touched.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { detectAnomalies, type Flag } from '../../activities/fraud/detect';
import type { FlaggedAccount } from '../../domain/fraud/summary';
import { generate, type GenerateOptions } from '../../tooling/fraud-data/generate';
import { tableNames } from '../../tooling/fraud-data/schema';
import { withScratchSchema } from '../scratch-schema';

export interface FraudLabel {
  accountId: string;
  pattern: string;
  isFraud: boolean;
}

export interface FraudPopulation {
  options: GenerateOptions;
  accounts: number;
  flags: Flag[];
  labels: FraudLabel[];
  /** Each flagged account as the sweep hands it to the summary task: every pattern and its SQL evidence. */
  flagged: FlaggedAccount[];
  generateMs: number;
  detectMs: number;
}

/** Small enough to generate and sweep in seconds on two cores; every pattern appears once per 1,200 accounts. */
export const defaultPopulation: GenerateOptions = { accounts: 20_000, days: 30, seed: 42, end: '2026-11-21' };

export function flaggedAccounts(flags: Flag[], planTypes: Map<string, string>): FlaggedAccount[] {
  const byAccount = new Map<string, FlaggedAccount>();
  for (const flag of flags) {
    const entry = byAccount.get(flag.accountId) ?? {
      accountId: flag.accountId,
      patterns: [],
      evidence: {},
      planType: planTypes.get(flag.accountId) ?? 'unknown',
    };
    entry.patterns.push(flag.pattern);
    entry.evidence[flag.pattern] = flag.evidence as Record<string, unknown>;
    byAccount.set(flag.accountId, entry);
  }
  return [...byAccount.values()];
}

export async function buildFraudPopulation(pool: Pool, options: GenerateOptions): Promise<FraudPopulation> {
  return withScratchSchema(pool, 'eval_fraud', [...tableNames, 'fraud_allowlist'], async (scratch) => {
    const started = performance.now();
    await generate(scratch, options);
    const generated = performance.now();
    const flags = await detectAnomalies(scratch, options.end);
    const detected = performance.now();
    const labels = await scratch.query(
      'SELECT account_id::text AS id, pattern, is_fraud FROM fraud_labels WHERE onset_on <= $1 ORDER BY account_id',
      [options.end],
    );
    const ids = [...new Set(flags.map((f) => f.accountId))];
    const plans = await scratch.query('SELECT id::text AS id, plan_type FROM fraud_accounts WHERE id = ANY($1)', [ids]);
    return {
      options,
      accounts: options.accounts,
      flags,
      labels: labels.rows.map((r) => ({ accountId: r.id, pattern: r.pattern, isFraud: r.is_fraud })),
      flagged: flaggedAccounts(flags, new Map(plans.rows.map((r) => [r.id as string, r.plan_type as string]))),
      generateMs: generated - started,
      detectMs: detected - generated,
    };
  });
}
