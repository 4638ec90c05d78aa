import { Context } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { ModelCallRecord } from '../../domain/model-call';
import { appendAudit, type AuditEntry } from './chain';
import { isSampled, noSampling, sealSample, type AuditSampling, type ModelExchange } from './sampling';
import { callerId } from '../caller';

export interface CallSite {
  workflowId: string;
  activityId: string;
  attempt: number;
}

/**
 * Metadata only: prompts and replies can carry personal data and never land in model_calls. The audit trail gets
 * the same metadata, plus the whole exchange sealed when the call is sampled and an exchange is given.
 */
export async function recordModelCall(
  pool: Pool,
  site: CallSite,
  call: ModelCallRecord,
  audit: AuditSampling = noSampling,
  exchange?: ModelExchange,
): Promise<void> {
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
  await appendAudit(pool, modelCallEntry(site, call, audit, exchange));
}

function modelCallEntry(site: CallSite, call: ModelCallRecord, audit: AuditSampling, exchange?: ModelExchange) {
  const wanted = isSampled(`${site.workflowId}|${site.activityId}|${site.attempt}|${call.requestId}`, audit.sampleRate);
  // Why a sampled call has no sample, so a gap in the sample set is explained rather than suspicious.
  const sample = !wanted
    ? 'not_sampled'
    : !audit.ring
      ? 'skipped_encryption_off'
      : !exchange
        ? 'unavailable'
        : 'sealed';
  const sampleId = randomUUID();
  const sealed = sample === 'sealed' ? sealSample(audit.ring!, sampleId, exchange!) : null;
  const entry: AuditEntry = {
    kind: 'model_call',
    workflowId: site.workflowId,
    actor: 'system:switchboard',
    action: 'model.call',
    details: {
      activityId: site.activityId,
      attempt: site.attempt,
      task: call.task,
      provider: call.provider,
      model: call.modelId,
      promptId: call.promptId,
      promptVersion: call.promptVersion,
      requestId: call.requestId,
      tokens: call.usage,
      costUsd: call.costUsd,
      latencyMs: call.latencyMs,
      stopReason: call.stopReason,
      repaired: call.repaired,
      sample,
      ...(sealed ? { sampleId } : {}),
    },
    sample: sealed,
  };
  return entry;
}

/** Records a call made by the running activity, keyed by its workflow, activity id and attempt. */
export async function recordCall(
  pool: Pool,
  call: ModelCallRecord,
  audit: AuditSampling = noSampling,
  exchange?: ModelExchange,
): Promise<void> {
  const info = Context.current().info;
  const workflowId = callerId();
  await recordModelCall(
    pool,
    { workflowId, activityId: info.activityId, attempt: info.attempt },
    call,
    audit,
    exchange,
  );
}
