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

const fiveSeries = /claude-(sonnet|opus|fable|haiku)-5/;

export function modelFamily(modelId: string): ModelFamily {
  return fiveSeries.test(modelId)
    ? { structuredOutput: 'json_schema', acceptsTemperature: false }
    : { structuredOutput: 'forced_tool', acceptsTemperature: true };
}
