import Anthropic from '@anthropic-ai/sdk';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { taxonomySchema, type Taxonomy } from '../domain/taxonomy';
import type { ModelProvider } from '../activities/model/contract';
import { createOfflineClassifier } from '../activities/model/offline/classify';
import { composeOfflineDraft } from '../activities/model/offline/compose-reply';
import { diagnoseOffline } from '../activities/model/offline/diagnose';
import { createOfflineEngine } from '../activities/model/offline/engine';
import { summariseFraudOffline } from '../activities/model/offline/summarise-fraud';
import { extractIncidentOffline } from '../activities/model/offline/extract-incident';
import { loadTrainingExamples, trainIntentClassifier } from '../activities/model/offline/intent-classifier';
import { loadPrompt, promptsDir, type PromptTemplate } from '../activities/model/prompt-library';
import { workedRepliesText } from '../activities/model/rules/draft-examples';
import { createAnthropicProvider } from '../activities/model/providers/anthropic';
import { createBedrockProvider } from '../activities/model/providers/bedrock';
import { priceTable, type ModelPrice } from '../activities/model/pricing';

export interface PromptSet {
  taxonomy: Taxonomy;
  prompts: {
    classify: PromptTemplate;
    draft: PromptTemplate;
    clarifyingQuestion: string;
    diagnose: PromptTemplate;
    extractIncident: PromptTemplate;
    summariseFraud: PromptTemplate;
  };
}

/** Prompts, taxonomy and training data are files under prompts/: read once at start-up. */
export function loadPromptSet(dir = promptsDir): PromptSet {
  const taxonomy = taxonomySchema.parse(JSON.parse(readFileSync(join(dir, 'ticket', 'taxonomy.json'), 'utf8')));
  // Read, validated and rendered now, so a broken file stops the worker at start-up rather than failing drafts later.
  workedRepliesText();
  return {
    taxonomy,
    prompts: {
      classify: loadPrompt('ticket/classify-intent', dir),
      draft: loadPrompt('ticket/draft-reply', dir),
      clarifyingQuestion: readFileSync(join(dir, 'ticket', 'clarifying-question.txt'), 'utf8').trim(),
      diagnose: loadPrompt('fault/diagnose', dir),
      extractIncident: loadPrompt('compliance/extract-incident', dir),
      summariseFraud: loadPrompt('fraud/summarise', dir),
    },
  };
}

export function createOfflineProvider(taxonomy: Taxonomy, latencyMs = 0, dir = promptsDir): ModelProvider {
  const model = trainIntentClassifier(loadTrainingExamples(join(dir, 'ticket', 'training')));
  return createOfflineEngine({
    classify: createOfflineClassifier(taxonomy, model),
    draft: composeOfflineDraft,
    diagnose: diagnoseOffline,
    extractIncident: extractIncidentOffline,
    summariseFraud: summariseFraudOffline,
    latencyMs,
  });
}

/** The only place real model clients are built. SDK retries are off everywhere: Temporal owns retries. */
export function createProvider(config: Config, taxonomy: Taxonomy): ModelProvider {
  switch (config.MODEL_PROVIDER) {
    case 'offline':
      return createOfflineProvider(taxonomy, config.OFFLINE_LATENCY);
    case 'anthropic':
      return createAnthropicProvider({
        client: new Anthropic({
          apiKey: config.ANTHROPIC_API_KEY,
          baseURL: config.ANTHROPIC_BASE_URL,
          maxRetries: 0,
          timeout: config.MODEL_REQUEST_TIMEOUT,
        }),
        modelIds: { fast: config.MODEL_FAST_ID, strong: config.MODEL_STRONG_ID },
      });
    case 'bedrock':
      return createBedrockProvider({
        client: new BedrockRuntimeClient({
          region: config.BEDROCK_REGION,
          endpoint: config.BEDROCK_ENDPOINT,
          maxAttempts: 1,
          requestHandler: { requestTimeout: config.MODEL_REQUEST_TIMEOUT },
        }),
        modelIds: { fast: config.BEDROCK_FAST_MODEL_ID, strong: config.BEDROCK_STRONG_MODEL_ID },
      });
  }
}

export function modelIdsFor(config: Config) {
  return config.MODEL_PROVIDER === 'bedrock'
    ? { fast: config.BEDROCK_FAST_MODEL_ID, strong: config.BEDROCK_STRONG_MODEL_ID }
    : { fast: config.MODEL_FAST_ID, strong: config.MODEL_STRONG_ID };
}

export function pricesFor(config: Config): Record<string, ModelPrice> {
  return { ...priceTable, ...(config.MODEL_PRICES ?? {}) };
}
