export interface ResidencySettings {
  DATA_RESIDENCY: 'none' | 'AU';
  MODEL_PROVIDER: 'offline' | 'anthropic' | 'bedrock';
  BEDROCK_REGION: string;
  BEDROCK_ALLOWED_REGIONS: string[];
  BEDROCK_FAST_MODEL_ID: string;
  BEDROCK_STRONG_MODEL_ID: string;
}

/**
 * Australian carriers must keep customer data in Australia (000: governance and data residency). These are the
 * settings that would send it elsewhere; each problem says what to set instead.
 */
export function checkResidency(c: ResidencySettings): Array<{ path: string; message: string }> {
  if (c.DATA_RESIDENCY !== 'AU') return [];
  const problems: Array<{ path: string; message: string }> = [];
  if (c.MODEL_PROVIDER === 'anthropic') {
    problems.push({
      path: 'MODEL_PROVIDER',
      message:
        'DATA_RESIDENCY=AU forbids the direct Anthropic API, which may process data outside Australia: ' +
        'set MODEL_PROVIDER=bedrock with BEDROCK_REGION=ap-southeast-2',
    });
  }
  if (c.MODEL_PROVIDER === 'bedrock' && !c.BEDROCK_ALLOWED_REGIONS.includes(c.BEDROCK_REGION)) {
    problems.push({
      path: 'BEDROCK_REGION',
      message: `DATA_RESIDENCY=AU allows Bedrock only in ${c.BEDROCK_ALLOWED_REGIONS.join(', ')}, not ${c.BEDROCK_REGION}: set BEDROCK_REGION=${c.BEDROCK_ALLOWED_REGIONS[0] ?? 'ap-southeast-2'}`,
    });
  }
  if (c.MODEL_PROVIDER === 'bedrock') {
    for (const key of ['BEDROCK_FAST_MODEL_ID', 'BEDROCK_STRONG_MODEL_ID'] as const) {
      // Cross-region inference profiles (global., us., apac., ...) may serve the request outside Australia.
      const prefix = /^([a-z]+)\.anthropic\./.exec(c[key])?.[1];
      if (prefix && prefix !== 'au') {
        problems.push({
          path: key,
          message: `DATA_RESIDENCY=AU forbids the "${prefix}." inference profile, which may route outside Australia: use an "au." profile or an in-region model id`,
        });
      }
    }
  }
  return problems;
}
