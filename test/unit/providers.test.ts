import Anthropic from '@anthropic-ai/sdk';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import type { ModelProvider, ProviderRequest } from '../../activities/model/contract';
import { createModelGateway } from '../../activities/model/gateway';
import { createAnthropicProvider } from '../../activities/model/providers/anthropic';
import { createBedrockProvider } from '../../activities/model/providers/bedrock';
import { startAnthropicEmulator, startBedrockEmulator, type Emulator } from '../../tooling/emulators';

const schema = z.object({ intent: z.string(), confidence: z.number() });
const longSystem = 'You route telecom support messages. '.repeat(2_000); // well over 4,096 tokens
const request = (system: string, tier: 'fast' | 'strong' = 'fast'): ProviderRequest => ({
  task: 'classify_intent',
  prompt: { id: 'p', version: 'v', system, messages: [{ role: 'user', content: 'my bill is wrong' }] },
  variables: {},
  jsonSchema: z.toJSONSchema(schema) as Record<string, unknown>,
  maxTokens: 100,
  tier,
});
const modelIds = { fast: 'claude-haiku-4-5-20251001', strong: 'claude-sonnet-5-5' };

describe.each(['anthropic', 'bedrock'] as const)('%s provider with the real SDK', (name) => {
  let emulator: Emulator;
  let provider: ModelProvider;
  beforeAll(async () => {
    const responder = () => ({ kind: 'reply' as const, toolInput: { intent: 'dispute_invoice', confidence: 0.9 } });
    if (name === 'anthropic') {
      emulator = await startAnthropicEmulator({ responder });
      provider = createAnthropicProvider({
        client: new Anthropic({ apiKey: 'k', baseURL: emulator.url, maxRetries: 0 }),
        modelIds,
      });
    } else {
      emulator = await startBedrockEmulator({ responder });
      provider = createBedrockProvider({
        client: new BedrockRuntimeClient({
          region: 'ap-southeast-2',
          endpoint: emulator.url,
          credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
          maxAttempts: 1,
        }),
        modelIds,
      });
    }
  });
  afterAll(async () => emulator.close());

  it('writes the cache on the first long prompt and reads it on the second, priced at 1.25x and 0.1x', async () => {
    const gateway = createModelGateway({ provider, modelIds });
    const call = (system: string) =>
      gateway.call({ ...request(system), schema, jsonSchema: request(system).jsonSchema });
    const first = await call(longSystem);
    const second = await call(longSystem);
    expect(first.record.usage.cacheWriteTokens).toBeGreaterThan(4_096);
    expect(second.record.usage.cacheReadTokens).toBe(first.record.usage.cacheWriteTokens);
    const u = second.record.usage;
    expect(second.record.costUsd).toBeCloseTo((u.inputTokens + 0.1 * u.cacheReadTokens + 5 * u.outputTokens) / 1e6, 12);
    expect(second.output).toEqual({ intent: 'dispute_invoice', confidence: 0.9 });
  });

  it('caches nothing for a prompt under 4,096 tokens', async () => {
    const response = await provider.complete(request('Short system prompt.'));
    expect(response.usage.cacheWriteTokens).toBe(0);
    expect(response.usage.cacheReadTokens).toBe(0);
  });

  it('asks the strong tier through structured outputs with no sampling parameters', async () => {
    const response = await provider.complete(request('Short.', 'strong'));
    const body = emulator.requests[emulator.requests.length - 1]!.body;
    expect(body.output_config.format).toMatchObject({ type: 'json_schema', schema: { title: 'classify_intent' } });
    expect(body.tool_choice).toBeUndefined();
    expect(body.temperature).toBeUndefined();
    expect(JSON.parse(response.text)).toEqual({ intent: 'dispute_invoice', confidence: 0.9 });
  });

  it('surfaces a throttle as a retryable failure carrying the server delay', async () => {
    emulator.enqueue({ kind: 'error', status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '3' } });
    const failure = (await provider.complete(request('x')).catch((error: unknown) => error)) as ApplicationFailure;
    expect(failure.nonRetryable).toBe(false);
    expect(failure.nextRetryDelay).toBe(3000);
  });
});
