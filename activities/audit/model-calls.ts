import { Context } from '@temporalio/activity';
import type { Pool } from 'pg';
import type { ModelCallRecord } from '../../domain/model-call';

export interface CallSite {
  workflowId: string;
  activityId: string;
  attempt: number;
}

/** Metadata only: prompts and replies can carry personal data and never land in this table. */
export async function recordModelCall(pool: Pool, site: CallSite, call: ModelCallRecord): Promise<void> {
  await pool.query(
    `INSERT INTO model_calls (workflow_id, activity_id, attempt, task, provider, model_id, prompt_id, prompt_version,
       request_id, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd, latency_ms,
       stop_reason, repaired)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
    [
      site.workflowId,
      site.activityId,
      site.attempt,
      call.task,
      call.provider,
      call.modelId,
      call.promptId,
      call.promptVersion,
      call.requestId,
      call.usage.inputTokens,
      call.usage.outputTokens,
      call.usage.cacheReadTokens,
      call.usage.cacheWriteTokens,
      call.costUsd,
      call.latencyMs,
      call.stopReason,
      call.repaired,
    ],
  );
}

/** Records a call made by the running activity, keyed by its workflow, activity id and attempt. */
export async function recordCall(pool: Pool, call: ModelCallRecord): Promise<void> {
  const info = Context.current().info;
  const workflowId = info.workflowExecution?.workflowId ?? `standalone:${info.activityId}`;
  await recordModelCall(pool, { workflowId, activityId: info.activityId, attempt: info.attempt }, call);
}
