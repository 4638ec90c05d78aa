import { z } from 'zod';

export const modelTiers = ['fast', 'strong'] as const;
export type ModelTier = (typeof modelTiers)[number];

export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

/** What every model call leaves behind: in the workflow result, and as a row in model_calls. */
export const modelCallRecordSchema = z.object({
  task: z.string(),
  provider: z.string(),
  modelId: z.string(),
  promptId: z.string(),
  promptVersion: z.string(),
  requestId: z.string(),
  usage: usageSchema,
  costUsd: z.number().nonnegative(),
  latencyMs: z.number().nonnegative(),
  stopReason: z.string(),
  repaired: z.boolean(),
});
export type ModelCallRecord = z.infer<typeof modelCallRecordSchema>;
