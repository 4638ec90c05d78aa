import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import type { ModelProvider, ProviderRequest, ProviderResponse } from '../../activities/model/contract';
import { createModelGateway } from '../../activities/model/gateway';

const schema = z.object({ answer: z.string(), confidence: z.number().min(0).max(1) });

function scripted(texts: Array<string | [string, string]>): ModelProvider & { requests: ProviderRequest[] } {
  const requests: ProviderRequest[] = [];
  return {
    name: 'scripted',
    requests,
    async complete(request): Promise<ProviderResponse> {
      requests.push(request);
      const next = texts.shift() ?? '{}';
      const [text, stopReason] = Array.isArray(next) ? next : [next, 'tool_use'];
      return {
        text,
        stopReason,
        usage: { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0 },
        modelId: 'claude-haiku-4-5-20251001',
        requestId: `req_${requests.length}`,
      };
    },
  };
}

const request = {
  task: 'classify_intent' as const,
  prompt: { id: 'p', version: 'v1', system: 's', messages: [{ role: 'user' as const, content: 'u' }] },
  variables: {},
  schema,
  jsonSchema: z.toJSONSchema(schema) as Record<string, unknown>,
  maxTokens: 100,
  tier: 'fast' as const,
};
const modelIds = { fast: 'claude-haiku-4-5-20251001', strong: 'claude-sonnet-5-5' };

describe('model gateway', () => {
  it('parses a valid answer and records model, prompt version, tokens and cost', async () => {
    const provider = scripted(['{"answer":"yes","confidence":0.9}']);
    const response = await createModelGateway({ provider, modelIds }).call(request);
    expect(response.output).toEqual({ answer: 'yes', confidence: 0.9 });
    expect(response.record).toMatchObject({
      modelId: 'claude-haiku-4-5-20251001',
      promptVersion: 'v1',
      requestId: 'req_1',
      repaired: false,
    });
    expect(response.record.costUsd).toBeCloseTo(0.0015, 10);
  });

  it('makes one repair call quoting the validation error, and counts both calls', async () => {
    const provider = scripted(['{"answer":"yes","confidence":7}', '{"answer":"yes","confidence":0.7}']);
    const response = await createModelGateway({ provider, modelIds }).call(request);
    expect(response.output.confidence).toBe(0.7);
    expect(response.record.repaired).toBe(true);
    expect(provider.requests[1]?.repairOf?.error).toMatch(/confidence/);
    expect(response.record.usage.inputTokens).toBe(2000);
  });

  it('treats a max_tokens stop as malformed', async () => {
    const provider = scripted([['{"answer":"ye', 'max_tokens'], '{"answer":"yes","confidence":0.5}']);
    const response = await createModelGateway({ provider, modelIds }).call(request);
    expect(provider.requests[1]?.repairOf?.error).toMatch(/max_tokens/);
    expect(response.output.answer).toBe('yes');
  });

  it('raises a typed non-retryable failure after the repair also fails', async () => {
    const provider = scripted(['not json', '{"answer":1}']);
    const failure = await createModelGateway({ provider, modelIds })
      .call(request)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe('ModelOutputInvalid');
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect(provider.requests).toHaveLength(2);
  });
});
