import type { Config } from '../../config';
import type { ModelGateway } from '../model/contract';
import type { LabelledExample } from '../model/offline/intent-classifier';

/** The model an evaluation scores, behind the production gateway. */
export interface EvalEngine {
  gateway: ModelGateway;
  provider: Config['MODEL_PROVIDER'];
  /** The model that serves the fast tier, which every ticket task uses unless a redraft asks for strong. */
  model: string;
}

/**
 * Builds the engine once the labelled set is known: the offline engine learns only from its training split. Built by
 * the caller (workers/evaluation-engine.ts), since only workers/ and tooling construct model clients.
 */
export type EvalEngineFactory = (train: readonly LabelledExample[]) => EvalEngine;
