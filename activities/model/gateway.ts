import { ApplicationFailure } from '@temporalio/common';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { ErrorTypes } from '../../domain/errors';
import type { ModelTier } from '../../domain/model-call';
import type {
  BatchOutcome,
  ModelTask,
  ModelGateway,
  ModelProvider,
  ModelRequest,
  ModelResponse,
  ProviderRequest,
  ProviderResponse,
} from './contract';
import { costUsd, priceTable, type ModelPrice } from './pricing';
import { issueLines } from '../../domain/zod-issues';

export interface GatewayDeps {
  provider: ModelProvider;
  modelIds: Record<ModelTier, string>;
  prices?: Record<string, ModelPrice>;
}

/** What a provider needs of a request: everything but the zod schema, which stays with the gateway. */
function toProviderRequest<T>({ schema: _schema, ...rest }: ModelRequest<T>): ProviderRequest {
  return rest;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseOutput<T>(schema: z.ZodType<T>, response: ProviderResponse): Parsed<T> {
  if (response.stopReason === 'max_tokens') return { ok: false, error: 'the answer was cut off at max_tokens' };
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = issueLines(result.error).slice(0, 5);
  return { ok: false, error: `schema violation: ${issues.join('; ')}` };
}

/**
 * Every model call goes through here: one attempt, at most one repair that quotes the validation error, then a
 * typed non-retryable failure the workflow routes to a human. Transport retries belong to Temporal, not to us.
 */
export function createModelGateway({ provider, modelIds, prices = priceTable }: GatewayDeps): ModelGateway {
  const batches = () => {
    if (!provider.batch) {
      throw ApplicationFailure.create({
        type: ErrorTypes.ModelRequestRejected,
        message: `the ${provider.name} provider has no batch API here; use MODEL_PROVIDER=anthropic or offline`,
        nonRetryable: true,
      });
    }
    return provider.batch;
  };
  return {
    async submitBatch(items) {
      return batches().submit(
        items.map(({ customId, request }) => ({
          customId,
          request: toProviderRequest(request),
        })),
      );
    },
    async batchStatus(batchId) {
      return batches().status(batchId);
    },
    async batchResults<T>(
      batchId: string,
      schema: z.ZodType<T>,
      { task, prompt }: { task: ModelTask; prompt: { id: string; version: string } },
    ) {
      const items = await batches().results(batchId);
      return items.map((item): BatchOutcome<T> => {
        if (!item.response) return { customId: item.customId, error: item.error ?? 'no response' };
        const response = item.response;
        const parsed = parseOutput(schema, response);
        const record = {
          task,
          provider: provider.name,
          modelId: response.modelId,
          promptId: prompt.id,
          promptVersion: prompt.version,
          requestId: response.requestId,
          usage: response.usage,
          costUsd: costUsd(response.modelId, response.usage, { batch: true }, prices),
          latencyMs: 0,
          stopReason: response.stopReason,
          repaired: false,
        };
        return parsed.ok
          ? { customId: item.customId, output: parsed.value, record }
          : { customId: item.customId, error: parsed.error, record };
      });
    },
    async call<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const base = toProviderRequest(request);
      const started = performance.now();
      let response = await provider.complete(base);
      let parsed = parseOutput(request.schema, response);
      let usage = response.usage;
      let repaired = false;
      if (!parsed.ok) {
        repaired = true;
        response = await provider.complete({ ...base, repairOf: { text: response.text, error: parsed.error } });
        usage = {
          inputTokens: usage.inputTokens + response.usage.inputTokens,
          outputTokens: usage.outputTokens + response.usage.outputTokens,
          cacheReadTokens: usage.cacheReadTokens + response.usage.cacheReadTokens,
          cacheWriteTokens: usage.cacheWriteTokens + response.usage.cacheWriteTokens,
        };
        parsed = parseOutput(request.schema, response);
      }
      if (!parsed.ok) {
        throw ApplicationFailure.create({
          type: ErrorTypes.ModelOutputInvalid,
          message: `${request.task}: model output invalid after one repair (${parsed.error})`,
          nonRetryable: true,
        });
      }
      return {
        output: parsed.value,
        rawText: response.text,
        record: {
          task: request.task,
          provider: provider.name,
          modelId: response.modelId || modelIds[request.tier],
          promptId: request.prompt.id,
          promptVersion: request.prompt.version,
          requestId: response.requestId,
          usage,
          costUsd: costUsd(response.modelId, usage, {}, prices),
          latencyMs: Math.round(performance.now() - started),
          stopReason: response.stopReason,
          repaired,
        },
      };
    },
  };
}
