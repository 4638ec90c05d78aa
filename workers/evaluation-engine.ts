import type { Config } from '../config';
import type { Taxonomy } from '../domain/taxonomy';
import type { EvalEngine } from '../activities/evaluation/engine';
import { createModelGateway } from '../activities/model/gateway';
import { createOfflineClassifier } from '../activities/model/offline/classify';
import { composeOfflineDraft } from '../activities/model/offline/compose-reply';
import { diagnoseOffline } from '../activities/model/offline/diagnose';
import { createOfflineEngine, OFFLINE_MODEL_ID } from '../activities/model/offline/engine';
import { extractIncidentOffline } from '../activities/model/offline/extract-incident';
import { summariseFraudOffline } from '../activities/model/offline/summarise-fraud';
import { trainIntentClassifier, type LabelledExample } from '../activities/model/offline/intent-classifier';
import { createProvider, modelIdsFor, pricesFor } from './model-deps';

/**
 * The engine an evaluation scores, for `npm run eval` and the worker's monthly fairness activity: the worker's
 * provider, built from the same config, except that the offline engine learns only from the training split: the
 * production engine trains on every row, so scoring it on the held-out rows would grade it on its homework. `model`
 * replaces the fast-tier model id (A/B of two models); the offline engine has only one. `train` is null for the use
 * cases that never classify a ticket, so they do not pay for training a classifier they would not call.
 */
export function createEvalEngine(
  config: Config,
  taxonomy: Taxonomy,
  train: readonly LabelledExample[] | null,
  model?: string,
): EvalEngine {
  const modelIds = modelIdsFor(config);
  const prices = pricesFor(config);
  if (config.MODEL_PROVIDER === 'offline') {
    if (model && model !== OFFLINE_MODEL_ID) {
      throw new Error(
        `the offline engine has one model (${OFFLINE_MODEL_ID}); --model needs --provider anthropic|bedrock`,
      );
    }
    const provider = createOfflineEngine({
      classify: train ? createOfflineClassifier(taxonomy, trainIntentClassifier(train)) : notEvaluated,
      draft: composeOfflineDraft,
      diagnose: diagnoseOffline,
      extractIncident: extractIncidentOffline,
      summariseFraud: summariseFraudOffline,
    });
    return {
      gateway: createModelGateway({ provider, modelIds, prices }),
      provider: 'offline',
      model: OFFLINE_MODEL_ID,
    };
  }
  const variant: Config = !model
    ? config
    : config.MODEL_PROVIDER === 'bedrock'
      ? { ...config, BEDROCK_FAST_MODEL_ID: model }
      : { ...config, MODEL_FAST_ID: model };
  const provider = createProvider(variant, taxonomy);
  const ids = modelIdsFor(variant);
  return {
    gateway: createModelGateway({ provider, modelIds: ids, prices }),
    provider: config.MODEL_PROVIDER,
    model: ids.fast,
  };
}

function notEvaluated(): never {
  throw new Error('this evaluation does not classify tickets');
}
