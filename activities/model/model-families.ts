/**
 * How each model family takes a JSON answer. Haiku 4.5 takes a forced tool call. The 5-series models reject
 * forced tool use and non-default sampling parameters, so they get the API's structured outputs
 * (output_config.format) instead. Both are schema-constrained; neither parses prose.
 */
export type StructuredOutputMode = 'forced_tool' | 'json_schema';

export interface ModelFamily {
  structuredOutput: StructuredOutputMode;
  /** false where the API answers 400 to a non-default temperature. */
  acceptsTemperature: boolean;
}

export type ProviderName = 'anthropic' | 'bedrock';

/**
 * Where the answer is constrained to the schema by the API itself (`strict: true` on the forced tool, or structured
 * outputs), so an invented enum value cannot come back. The Anthropic API takes it for Haiku 4.5 and the 5-series;
 * on Bedrock we send it only for the 5-series, where it is documented, and keep the one repair call for the rest.
 */
export function constrainsOutput(provider: ProviderName, modelId: string): boolean {
  if (fiveSeries.test(modelId)) return true;
  return provider === 'anthropic' && /claude-haiku-4-5/.test(modelId);
}

const fiveSeries = /claude-(sonnet|opus|fable|haiku)-5/;

export function modelFamily(modelId: string): ModelFamily {
  return fiveSeries.test(modelId)
    ? { structuredOutput: 'json_schema', acceptsTemperature: false }
    : { structuredOutput: 'forced_tool', acceptsTemperature: true };
}
