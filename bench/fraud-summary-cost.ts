import Anthropic from '@anthropic-ai/sdk';
import { setTimeout as wait } from 'node:timers/promises';
import { fraudSummaryWireSchema, summariseRequest } from '../activities/fraud/summarise-request';
import type { ModelGateway } from '../activities/model/contract';
import { createModelGateway } from '../activities/model/gateway';
import { findPrice } from '../activities/model/pricing';
import { createAnthropicProvider } from '../activities/model/providers/anthropic';
import { inventedFigures, type FlaggedAccount } from '../domain/fraud/summary';
import type { ModelCallRecord } from '../domain/model-call';
import { startAnthropicEmulator } from '../tooling/emulators';
import { createOfflineResponder } from '../tooling/emulators/offline-responder';
import { loadPromptSet } from '../workers/model-deps';
import { runScript, scriptCommand } from '../client/cli/script-args';

/**
 * What the fraud sweep's summaries cost, synchronous against batch (FRAUD_SUMMARY_MODE), per 1,000 summaries: the
 * sweep's own request (summariseRequest) for each account, through the real Anthropic SDK and the model gateway,
 * against the API emulator, which counts tokens and charges prompt-cache writes and reads as the API does, answered
 * strictly by the offline engine. Sync is one gateway call per account, as summariseFraudBatch makes them; batch is
 * one Message Batch of them all, as the sweep's batch mode submits it. Every figure is the gateway's own cost records
 * (activities/model/pricing.ts). Each mode gets a fresh emulator, so each starts with a cold prompt cache.
 */
const FAST = 'claude-haiku-4-5-20251001';
/** One provider batch, as the sweep's batch mode caps it (activities/fraud/batch.ts). */
const batchLimit = 10_000;

/** Flagged accounts as detection reports them: each of the six patterns in turn, with figures that vary by account. */
export function syntheticFlaggedAccounts(count: number): FlaggedAccount[] {
  const shapes: Array<(n: number) => Pick<FlaggedAccount, 'patterns' | 'evidence' | 'planType'>> = [
    (n) => ({
      patterns: ['roaming_spree'],
      evidence: {
        roaming_spree: { countries: 6 + (n % 7), roaming_mb: 900 + n * 13, window_days: 14, plan_type: 'domestic' },
      },
      planType: 'domestic',
    }),
    (n) => ({
      patterns: ['sim_swap'],
      evidence: { sim_swap: { calls_after_sim_change: 2 + (n % 20), window_hours: 48, charged: 10 + (n % 90) } },
      planType: 'postpaid',
    }),
    (n) => ({
      patterns: ['usage_spike'],
      evidence: { usage_spike: { peak_daily_mb: 4_000 + n * 7, median_daily_mb: 100 + (n % 300) } },
      planType: 'postpaid',
    }),
    (n) => ({
      patterns: ['subscription_mismatch'],
      evidence: {
        subscription_mismatch: {
          international_minutes: 300 + n,
          international_calls: 20 + (n % 40),
          plan_type: 'domestic',
        },
      },
      planType: 'domestic',
    }),
    (n) => ({
      patterns: ['slow_bleed'],
      evidence: { slow_bleed: { micro_charges: 10 + (n % 30), vendors: 2 + (n % 5), total: 20 + (n % 80) } },
      planType: 'prepaid',
    }),
    (n) => ({
      patterns: ['irsf', 'subscription_mismatch'],
      evidence: {
        irsf: { premium_international_calls: 3 + (n % 12), charged: 50 + n },
        subscription_mismatch: { international_minutes: 320 + n, international_calls: 25, plan_type: 'domestic' },
      },
      planType: 'domestic',
    }),
  ];
  return Array.from({ length: count }, (_, i) => ({
    accountId: String(1_000_000 + i),
    ...shapes[i % shapes.length]!(i),
  }));
}

interface ModeCost {
  summaries: number;
  /** Items that did not parse (batch: no repair; the sweep would summarise them again synchronously). */
  invalid: number;
  unverified: number;
  meanInputTokens: number;
  meanCacheReadTokens: number;
  meanCacheWriteTokens: number;
  meanOutputTokens: number;
  costUsd: number;
  costPer1000SummariesUsd: number;
}

function summarise(calls: ModelCallRecord[], invalid: number, unverified: number): ModeCost {
  const mean = (pick: (c: ModelCallRecord) => number) =>
    Math.round(calls.reduce((sum, c) => sum + pick(c), 0) / Math.max(calls.length, 1));
  const costUsd = calls.reduce((sum, c) => sum + c.costUsd, 0);
  return {
    summaries: calls.length,
    invalid,
    unverified,
    meanInputTokens: mean((c) => c.usage.inputTokens),
    meanCacheReadTokens: mean((c) => c.usage.cacheReadTokens),
    meanCacheWriteTokens: mean((c) => c.usage.cacheWriteTokens),
    meanOutputTokens: mean((c) => c.usage.outputTokens),
    costUsd,
    costPer1000SummariesUsd: calls.length ? (costUsd / calls.length) * 1000 : 0,
  };
}

async function withGateway<T>(run: (gateway: ModelGateway) => Promise<T>): Promise<T> {
  const emulator = await startAnthropicEmulator({ responder: createOfflineResponder(), strictAnswers: true });
  try {
    const client = new Anthropic({ apiKey: 'bench', baseURL: emulator.url, maxRetries: 0 });
    const provider = createAnthropicProvider({ client, modelIds: { fast: FAST, strong: FAST } });
    return await run(createModelGateway({ provider, modelIds: { fast: FAST, strong: FAST } }));
  } finally {
    await emulator.close();
  }
}

export async function fraudSummaryCost(count: number) {
  const { prompts } = loadPromptSet();
  const accounts = syntheticFlaggedAccounts(count);
  const invented = (account: FlaggedAccount, narrative: string) =>
    inventedFigures(narrative, account.evidence).length > 0 ? 1 : 0;

  const sync = await withGateway(async (gateway) => {
    const calls: ModelCallRecord[] = [];
    let unverified = 0;
    for (const account of accounts) {
      const response = await gateway.call(summariseRequest(prompts.summariseFraud, account));
      calls.push(response.record);
      unverified += invented(account, response.output.narrative);
    }
    return summarise(calls, 0, unverified);
  });

  const batch = await withGateway(async (gateway) => {
    const calls: ModelCallRecord[] = [];
    let invalid = 0;
    let unverified = 0;
    const byId = new Map(accounts.map((account) => [`account-${account.accountId}`, account]));
    for (let from = 0; from < accounts.length; from += batchLimit) {
      const chunk = accounts.slice(from, from + batchLimit);
      const { batchId } = await gateway.submitBatch(
        chunk.map((account) => ({
          customId: `account-${account.accountId}`,
          request: summariseRequest(prompts.summariseFraud, account),
        })),
      );
      while (!(await gateway.batchStatus(batchId)).ended) await wait(50);
      const outcomes = await gateway.batchResults(batchId, fraudSummaryWireSchema, {
        task: 'summarise_fraud',
        prompt: prompts.summariseFraud,
      });
      for (const outcome of outcomes) {
        if (outcome.record) calls.push(outcome.record);
        if (!outcome.output) invalid += 1;
        else unverified += invented(byId.get(outcome.customId)!, outcome.output.narrative);
      }
    }
    return summarise(calls, invalid, unverified);
  });

  const price = findPrice(FAST)!;
  return {
    summaries: count,
    model: FAST,
    pricePerMTokUsd: { input: price.inputPerMTok, output: price.outputPerMTok, batchMultiplier: price.batchMultiplier },
    sync,
    batch,
    batchToSyncCostRatio: sync.costUsd > 0 ? batch.costUsd / sync.costUsd : null,
    savingPer1000SummariesUsd: sync.costPer1000SummariesUsd - batch.costPer1000SummariesUsd,
  };
}

/** `npx tsx bench/fraud-summary-cost.ts [summaries]` */
export async function parseFraudSummaryCostOptions(argv: string[]): Promise<{ summaries: number }> {
  const { program, Argument, values } = await scriptCommand(
    'npx tsx bench/fraud-summary-cost.ts',
    "Fraud summaries' cost per 1,000, synchronous against the Message Batches API, against the API emulator: JSON on stdout",
  );
  program.addArgument(
    new Argument('[summaries]', 'flagged accounts to summarise in each mode')
      .argParser(values.positiveInteger)
      .default(1000),
  );
  const [summaries] = program.parse(argv, { from: 'user' }).processedArgs as [number];
  return { summaries };
}

async function main(): Promise<void> {
  const { summaries } = await parseFraudSummaryCostOptions(process.argv.slice(2));
  console.log(JSON.stringify(await fraudSummaryCost(summaries), null, 2));
}

if (require.main === module) runScript(main, { stack: true });
