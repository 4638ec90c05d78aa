import { log, proxyActivities } from '@temporalio/workflow';
import type { createFairnessActivities, FairnessActivityResult } from '../../activities/evaluation';

const { runFairnessEval } = proxyActivities<ReturnType<typeof createFairnessActivities>>({
  // A full run against an LLM makes a few hundred calls; heartbeats show it is alive in between.
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '5 minutes',
  retry: { maximumAttempts: 3 },
});

/** Started by the fairness schedule; a flagged gap is logged here and left in eval_runs and the report. */
export async function monthlyFairnessEval(_args: Record<string, never> = {}): Promise<FairnessActivityResult> {
  const result = await runFairnessEval();
  if (result.flagged) log.warn('fairness gap above 5 percentage points', { gaps: result.gaps });
  return result;
}
