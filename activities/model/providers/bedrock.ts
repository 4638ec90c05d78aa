import { InvokeModelCommand, type BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { ModelTier } from '../../../domain/model-call';
import type { ModelProvider, ProviderRequest, ProviderResponse } from '../contract';
import { providerFailure } from '../errors';
import { fromMessage, messagesBody } from './messages-body';

export interface BedrockProviderDeps {
  /** Built with maxAttempts: 1 by the worker; credentials come from the standard AWS provider chain. */
  client: BedrockRuntimeClient;
  /** Model ids or inference profiles (e.g. au.anthropic.claude-haiku-4-5-20251001-v1:0). */
  modelIds: Record<ModelTier, string>;
}

/** InvokeModel with the Anthropic Messages body, so both providers share one request and response mapping. */
export function createBedrockProvider({ client, modelIds }: BedrockProviderDeps): ModelProvider {
  return {
    name: 'bedrock',
    async complete(request: ProviderRequest): Promise<ProviderResponse> {
      const modelId = modelIds[request.tier];
      try {
        const response = await client.send(
          new InvokeModelCommand({
            modelId,
            contentType: 'application/json',
            accept: 'application/json',
            body: JSON.stringify({
              anthropic_version: 'bedrock-2023-05-31',
              ...messagesBody(request, modelId, 'bedrock'),
            }),
          }),
        );
        const message = JSON.parse(new TextDecoder().decode(response.body));
        return fromMessage(request.task, message, modelId, response.$metadata.requestId ?? 'unknown');
      } catch (error) {
        throw providerFailure('bedrock', error);
      }
    },
  };
}
