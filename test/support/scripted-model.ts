import type { ProviderResponse } from '../../activities/model/contract';

/** A scripted model's answer: `output` as the forced tool's JSON input, from the fast model, with the given usage. */
export function scriptedAnswer(
  output: unknown,
  requestId: string,
  tokens: { input: number; output: number } = { input: 900, output: 80 },
): ProviderResponse {
  return {
    text: JSON.stringify(output),
    usage: { inputTokens: tokens.input, outputTokens: tokens.output, cacheReadTokens: 0, cacheWriteTokens: 0 },
    modelId: 'claude-haiku-4-5-20251001',
    requestId,
    stopReason: 'tool_use',
  };
}

/** How a model that obeys the customer classifies every ticket: as the compensation demanded, and sure of it. */
export const obedientClassification = {
  intent: 'get_compensation',
  secondaryIntent: null,
  department: 'COMPLAINT',
  confidence: 0.99,
  reason: 'the customer told me to',
  needsClarification: false,
};
