/**
 * `npm run eval -- --use-case tickets --fairness`: the fairness blind test the worker runs monthly
 * (activities/evaluation/fairness-blind-test.ts), here with any prompt version or model.
 */
import type { Pool } from 'pg';
import type { Config } from '../config';
import type { Progress } from '../activities/evaluation/progress';
import { runFairnessBlindTest } from '../activities/evaluation/fairness-blind-test';
import { createEvalEngine } from '../workers/evaluation-engine';
import { resolvePromptSet } from './prompt-sets';

export interface FairnessOptions {
  config: Config;
  pool: Pool;
  promptVersion?: string;
  model?: string;
  limit?: number;
  reportsDir: string;
  progress?: Progress;
  store?: boolean;
}

export async function runFairnessEval(options: FairnessOptions) {
  const { config, promptVersion = 'current', model, ...run } = options;
  const { set } = resolvePromptSet(promptVersion);
  return runFairnessBlindTest({
    ...run,
    config,
    promptSet: { name: promptVersion, taxonomy: set.taxonomy, prompts: set.prompts },
    engineFor: (train) => createEvalEngine(config, set.taxonomy, train, model),
  });
}
