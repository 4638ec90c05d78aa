/**
 * Summarises one flagged account as summariseFraudBatch does, without Temporal or the review queue: the same model
 * request, and the same check that every figure in the narrative is one the SQL produced.
 */
import { performance } from 'node:perf_hooks';
import { inventedFigures, type FlaggedAccount } from '../../domain/fraud/summary';
import type { ModelGateway } from '../../activities/model/contract';
import type { PromptTemplate } from '../../activities/model/prompt-library';
import { summariseRequest } from '../../activities/fraud/summarise-request';
import { failureOf, timedCall } from '../../activities/evaluation/model-call';
import type { CallTiming } from '../../activities/evaluation/outcomes';

export interface SummaryOutcome {
  accountId: string;
  patterns: string[];
  /** The narrative holds account figures and stays out of eval_items; these are its labels. */
  predicted: { actions: string[]; riskLevel: string | null; verified: boolean | null; inventedFigures: number };
  calls: CallTiming[];
  latencyMs: number;
  /** Unusable (invalid after the repair, or refused): the analyst gets the flag without a summary. */
  unusable: boolean;
  error?: string;
}

export function createSummaryRunner(gateway: ModelGateway, prompt: PromptTemplate) {
  return async function run(account: FlaggedAccount): Promise<SummaryOutcome> {
    const started = performance.now();
    const calls: CallTiming[] = [];
    const base = { accountId: account.accountId, patterns: account.patterns, calls };
    const none = { actions: [], riskLevel: null, verified: null, inventedFigures: 0 };
    try {
      const summary = await timedCall(gateway, summariseRequest(prompt, account), calls);
      const invented = inventedFigures(summary.narrative, account.evidence);
      const predicted = {
        actions: summary.recommendedActions,
        riskLevel: summary.riskLevel,
        verified: invented.length === 0,
        inventedFigures: invented.length,
      };
      return { ...base, predicted, latencyMs: performance.now() - started, unusable: false };
    } catch (error) {
      return { ...base, predicted: none, latencyMs: performance.now() - started, ...failureOf(error) };
    }
  };
}
