import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { taxonomySchema, type Taxonomy } from '../domain/taxonomy';
import type { ModelProvider } from '../activities/model/contract';
import { createOfflineClassifier } from '../activities/model/offline/classify';
import { composeOfflineDraft } from '../activities/model/offline/compose-reply';
import { createOfflineEngine } from '../activities/model/offline/engine';
import { loadTrainingExamples, trainIntentClassifier } from '../activities/model/offline/intent-classifier';
import { loadPrompt, promptsDir, type PromptTemplate } from '../activities/model/prompt-library';

export interface PromptSet {
  taxonomy: Taxonomy;
  prompts: { classify: PromptTemplate; draft: PromptTemplate; clarifyingQuestion: string };
}

/** Prompts, taxonomy and training data are files under prompts/: read once at start-up. */
export function loadPromptSet(dir = promptsDir): PromptSet {
  const taxonomy = taxonomySchema.parse(JSON.parse(readFileSync(join(dir, 'ticket', 'taxonomy.json'), 'utf8')));
  return {
    taxonomy,
    prompts: {
      classify: loadPrompt('ticket/classify-intent', dir),
      draft: loadPrompt('ticket/draft-reply', dir),
      clarifyingQuestion: readFileSync(join(dir, 'ticket', 'clarifying-question.txt'), 'utf8').trim(),
    },
  };
}

export function createOfflineProvider(taxonomy: Taxonomy, latencyMs = 0, dir = promptsDir): ModelProvider {
  const model = trainIntentClassifier(loadTrainingExamples(join(dir, 'ticket', 'training')));
  return createOfflineEngine({
    classify: createOfflineClassifier(taxonomy, model),
    draft: composeOfflineDraft,
    latencyMs,
  });
}

export function createProvider(config: Config, taxonomy: Taxonomy): ModelProvider {
  switch (config.MODEL_PROVIDER) {
    case 'offline':
      return createOfflineProvider(taxonomy, config.OFFLINE_LATENCY);
  }
}
