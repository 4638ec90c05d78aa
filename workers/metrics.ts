import type { Logger, MetricCounter, MetricMeter } from '@temporalio/common';
import type { Pool } from 'pg';
import type { ModelCallRecord } from '../domain/model-call';
import type { ActivityMetrics } from '../activities/metrics';
import type { ModelGateway } from '../activities/model/contract';

/**
 * Switchboard's own metrics, made on the SDK's metric meter: they reach the same Prometheus endpoint as the SDK's
 * task latencies and slots, so one scrape target holds both, and nothing here runs a second HTTP server.
 * Core's counters are integers, so cost is counted in micro-dollars (rounded per call).
 */
/** Every counter the worker adds to, as [name, unit, help]: the list of what a dashboard can plot. */
const counterSpecs = {
  calls: ['switchboard_model_calls_total', 'calls', 'Model calls by task, provider, model'],
  failures: [
    'switchboard_model_call_failures_total',
    'calls',
    'Model calls that threw (provider error, invalid answer after repair), by task and tier',
  ],
  tokens: [
    'switchboard_model_tokens_total',
    'tokens',
    'Model tokens by task, model and kind (input, output, cache_read, cache_write)',
  ],
  cost: [
    'switchboard_model_cost_microusd_total',
    'microusd',
    'Model spend in millionths of a US dollar, by task and model',
  ],
  routes: ['switchboard_ticket_routes_total', 'tickets', 'Routes tickets took, by route'],
  findings: ['switchboard_guardrail_findings_total', 'findings', 'Guardrail findings on drafts, by code and severity'],
  checks: [
    'switchboard_guardrail_checks_total',
    'drafts',
    'Drafts checked by the guardrails, by outcome (clean, findings): the denominator for findings',
  ],
} as const satisfies Record<string, readonly [string, string, string]>;

export function createWorkerMetrics(meter: MetricMeter) {
  const { calls, failures, tokens, cost, routes, findings, checks } = Object.fromEntries(
    Object.entries(counterSpecs).map(([key, [name, unit, help]]) => [key, meter.createCounter(name, unit, help)]),
  ) as Record<keyof typeof counterSpecs, MetricCounter>;
  const waiting = meter.createGauge('switchboard_approvals_waiting', 'int', 'approvals', 'Approvals waiting, by kind');
  const oldest = meter.createGauge(
    'switchboard_approvals_oldest_age_seconds',
    'float',
    's',
    'Age of the oldest approval waiting, by kind; 0 when none waits',
  );

  const modelCall = (record: ModelCallRecord) => {
    const labels = { task: record.task, model: record.modelId };
    calls.add(1, { ...labels, provider: record.provider });
    const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens } = record.usage;
    tokens.add(inputTokens, { ...labels, kind: 'input' });
    tokens.add(outputTokens, { ...labels, kind: 'output' });
    tokens.add(cacheReadTokens, { ...labels, kind: 'cache_read' });
    tokens.add(cacheWriteTokens, { ...labels, kind: 'cache_write' });
    cost.add(Math.round(record.costUsd * 1_000_000), labels);
  };
  const activity: ActivityMetrics = {
    ticketRoute: (route) => routes.add(1, { route }),
    guardrailFindings: (list) => {
      checks.add(1, { outcome: list.length ? 'findings' : 'clean' });
      for (const finding of list) findings.add(1, { code: finding.code, severity: finding.severity });
    },
  };
  return {
    activity,
    modelCall,
    modelCallFailed: (task: string, tier: string) => failures.add(1, { task, tier }),
    approvals: (kind: string, count: number, oldestAgeSeconds: number) => {
      waiting.set(count, { kind });
      oldest.set(oldestAgeSeconds, { kind });
    },
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

/** Every call through the gateway, whichever activity makes it, is counted once here with its cost and tokens. */
export function meteredGateway(gateway: ModelGateway, metrics: WorkerMetrics): ModelGateway {
  return {
    async call(request) {
      try {
        const response = await gateway.call(request);
        metrics.modelCall(response.record);
        return response;
      } catch (error) {
        metrics.modelCallFailed(request.task, request.tier);
        throw error;
      }
    },
    submitBatch: (items) => gateway.submitBatch(items),
    batchStatus: (batchId) => gateway.batchStatus(batchId),
    async batchResults(batchId, schema, meta) {
      const outcomes = await gateway.batchResults(batchId, schema, meta);
      for (const outcome of outcomes) if (outcome.record) metrics.modelCall(outcome.record);
      return outcomes;
    },
  };
}

/**
 * Approvals waiting are state in PostgreSQL, not events in this process: read on an interval, so a restarted worker
 * reports them at once and every worker reports the same figure (dashboards take max across workers).
 * Ticket reviews are the open review handoffs.
 */
export function watchApprovals(pool: Pool, metrics: WorkerMetrics, log: Logger, intervalMs = 15_000): () => void {
  let failing = false;
  const refresh = async () => {
    try {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS count, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
           FROM handoffs WHERE status = 'open' AND kind = 'review'`,
      );
      metrics.approvals('ticket_review', rows[0].count, rows[0].oldest);
      failing = false;
    } catch (error) {
      // Once per outage, not every interval; the gauges keep their last value meanwhile.
      if (!failing) log.warn('approvals gauge refresh failed', { error, source: 'handoffs' });
      failing = true;
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
