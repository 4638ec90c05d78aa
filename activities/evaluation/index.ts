import { Context } from '@temporalio/activity';
import type { Pool } from 'pg';
import { join } from 'node:path';
import type { Config } from '../../config';
import type { Taxonomy } from '../../domain/taxonomy';
import type { EvalEngineFactory } from './engine';
import { runFairnessBlindTest } from './fairness-blind-test';
import type { EvaluatedPrompts } from './prompt-versions';

export interface FairnessActivityResult {
  flagged: boolean;
  gaps: Array<{ metric: string; gap: number; flagged: boolean }>;
  report: string;
}

export interface FairnessActivityDeps {
  config: Config;
  pool: Pool;
  /** The worker's prompt set, read once at start-up. */
  taxonomy: Taxonomy;
  prompts: EvaluatedPrompts;
  engineFor: EvalEngineFactory;
}

/**
 * The monthly fairness blind test, run by the monthlyFairnessEval workflow on the worker, which already holds the
 * config, the pool and the prompts. The worker registers it beside its other activities; progress ticks double as
 * heartbeats.
 */
export function createFairnessActivities({ config, pool, taxonomy, prompts, engineFor }: FairnessActivityDeps) {
  return {
    async runFairnessEval(): Promise<FairnessActivityResult> {
      const heartbeat = { bar: () => ({ tick: () => Context.current().heartbeat() }), stop() {} };
      const result = await runFairnessBlindTest({
        config,
        pool,
        promptSet: { name: 'current', taxonomy, prompts },
        engineFor,
        reportsDir: join(config.REPORTS_DIR, 'eval'),
        progress: heartbeat,
      });
      return {
        flagged: result.flagged,
        gaps: result.figures.gaps.map(({ metric, gap, flagged }) => ({ metric, gap, flagged })),
        report: result.paths.markdown,
      };
    },
  };
}
