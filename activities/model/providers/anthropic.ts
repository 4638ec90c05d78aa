import type Anthropic from '@anthropic-ai/sdk';
import type { ModelTier } from '../../../domain/model-call';
import type { BatchItemResult, ModelProvider, ProviderRequest, ProviderResponse } from '../contract';
import { providerFailure } from '../errors';
import { fromMessage, messagesBody } from './messages-body';

export interface AnthropicProviderDeps {
  /** Built with maxRetries: 0 by the worker: Temporal owns retries. */
  client: Anthropic;
  modelIds: Record<ModelTier, string>;
}

export function createAnthropicProvider({ client, modelIds }: AnthropicProviderDeps): ModelProvider {
  const params = (request: ProviderRequest) =>
    ({
      model: modelIds[request.tier],
      ...messagesBody(request, modelIds[request.tier]),
    }) as Anthropic.MessageCreateParamsNonStreaming;
  return {
    name: 'anthropic',
    batch: {
      async submit(items) {
        try {
          const batch = await client.messages.batches.create({
            requests: items.map((item) => ({ custom_id: item.customId, params: params(item.request) })),
          });
          return { batchId: batch.id };
        } catch (error) {
          throw providerFailure('anthropic', error);
        }
      },
      async status(batchId) {
        try {
          const batch = await client.messages.batches.retrieve(batchId);
          return { ended: batch.processing_status === 'ended', counts: { ...batch.request_counts } };
        } catch (error) {
          throw providerFailure('anthropic', error);
        }
      },
      async results(batchId) {
        const out: BatchItemResult[] = [];
        try {
          for await (const line of await client.messages.batches.results(batchId)) {
            if (line.result.type !== 'succeeded') {
              out.push({ customId: line.custom_id, error: `batch item ${line.result.type}` });
              continue;
            }
            const message = line.result.message;
            // Results may be fetched by another worker, so the task is read back from the forced tool's name.
            const task = message.content.find((block) => block.type === 'tool_use')?.name ?? '';
            out.push({ customId: line.custom_id, response: fromMessage(task, message, message.model, message.id) });
          }
        } catch (error) {
          throw providerFailure('anthropic', error);
        }
        return out;
      },
    },
    async complete(request: ProviderRequest): Promise<ProviderResponse> {
      const model = modelIds[request.tier];
      try {
        const { data, request_id } = await client.messages.create(params(request)).withResponse();
        return fromMessage(request.task, data, model, request_id ?? 'unknown');
      } catch (error) {
        throw providerFailure('anthropic', error);
      }
    },
  };
}
