import type { Usage } from '../../domain/model-call';

import type { ModelPrice } from '../../config/prices';

export type { ModelPrice };

/**
 * The one price table (US dollars per million tokens). Prices change: edit here, or override per deployment with
 * MODEL_PRICES, which is merged over this table at start-up.
 * Haiku 4.5 is $1/$5 per MTok (the source articles' $0.80/$4 is out of date).
 */
export const priceTable: Record<string, ModelPrice> = {
  'claude-haiku-4-5-20251001': {
    inputPerMTok: 1,
    outputPerMTok: 5,
    cacheReadMultiplier: 0.1,
    cacheWrite5mMultiplier: 1.25,
    batchMultiplier: 0.5,
  },
  // The current Sonnet (checked 2026-11): the default strong tier.
  'claude-sonnet-5-5': {
    inputPerMTok: 2,
    outputPerMTok: 10,
    cacheReadMultiplier: 0.1,
    cacheWrite5mMultiplier: 1.25,
    batchMultiplier: 0.5,
  },
  // Deprecated (end of life 2026-11-30); priced for deployments that still pin it.
  'claude-sonnet-4-5-20250929': {
    inputPerMTok: 3,
    outputPerMTok: 15,
    cacheReadMultiplier: 0.1,
    cacheWrite5mMultiplier: 1.25,
    batchMultiplier: 0.5,
  },
  // The offline engine runs on the worker's CPU: no per-token price.
  'switchboard-offline-1': {
    inputPerMTok: 0,
    outputPerMTok: 0,
    cacheReadMultiplier: 0,
    cacheWrite5mMultiplier: 0,
    batchMultiplier: 0,
  },
};

/** Bedrock ids carry a region prefix and a version suffix around the Anthropic id. */
export function findPrice(modelId: string, table = priceTable): ModelPrice | undefined {
  if (table[modelId]) return table[modelId];
  const key = Object.keys(table).find((known) => modelId.includes(known));
  return key ? table[key] : undefined;
}

export function costUsd(modelId: string, usage: Usage, options: { batch?: boolean } = {}, table = priceTable): number {
  const price = findPrice(modelId, table);
  if (!price) throw new Error(`no price for model ${modelId}: add it to activities/model/pricing.ts`);
  const input =
    usage.inputTokens * price.inputPerMTok +
    usage.cacheReadTokens * price.inputPerMTok * price.cacheReadMultiplier +
    usage.cacheWriteTokens * price.inputPerMTok * price.cacheWrite5mMultiplier;
  const total = (input + usage.outputTokens * price.outputPerMTok) / 1_000_000;
  return options.batch ? total * price.batchMultiplier : total;
}
