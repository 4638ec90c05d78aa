import type Anthropic from '@anthropic-ai/sdk';
import type { ModelTier } from '../../../domain/model-call';
import type { ModelProvider, ProviderRequest, ProviderResponse } from '../contract';
import { providerFailure } from '../errors';
import { fromMessage, messagesBody } from './messages-body';

export interface AnthropicProviderDeps {
  /** Built with maxRetries: 0 by the worker: Temporal owns retries. */
  client: Anthropic;
  modelIds: Record<ModelTier, string>;
}

export function createAnthropicProvider({ client, modelIds }: AnthropicProviderDeps): ModelProvider {
  return {
    name: 'anthropic',
    async complete(request: ProviderRequest): Promise<ProviderResponse> {
      const model = modelIds[request.tier];
      try {
        const { data, request_id } = await client.messages
          .create({ model, ...messagesBody(request) } as Anthropic.MessageCreateParamsNonStreaming)
          .withResponse();
        return fromMessage(request.task, data, model, request_id ?? 'unknown');
      } catch (error) {
        throw providerFailure('anthropic', error);
      }
    },
  };
}
