import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { routes } from '../../domain/ticket';

/** Workflow id prefixes to use cases: every use case names its workflows this way (see client/*.ts). */
const useCaseOfWorkflow = `CASE
  WHEN workflow_id LIKE 'ticket-%' THEN 'ticket'
  WHEN workflow_id LIKE 'fault-%' THEN 'fault'
  WHEN workflow_id LIKE 'fraud-%' THEN 'fraud'
  WHEN workflow_id LIKE 'acma-%' THEN 'compliance'
  WHEN workflow_id LIKE 'batch-%' THEN 'batch'
  ELSE 'other' END`;

/** Under Prometheus's default scrape timeout (10 s) with room for the rest of the scrape. */
const sourceDeadlineMs = 3_000;

/**
 * The API's own registry (not prom-client's global one, so two apps in one process do not collide).
 * Counters count what this process did; the gauges are computed at scrape time from PostgreSQL and Temporal
 * visibility, so they cover every process and survive restarts.
 */
export function createMetrics({ pool, client }: { pool: Pool; client: Client }) {
  const registry = new Registry();
  const scrapeErrors = new Counter({
    name: 'switchboard_metrics_scrape_errors_total',
    help: 'Scrape-time queries that failed or took too long; the figures they feed keep their last value',
    labelNames: ['source'],
    registers: [registry],
  });
  // A slow source (a visibility count over a large namespace, a busy database) must not stall the scrape past the
  // scraper's own timeout: after sourceDeadlineMs its figures keep their last value and the error is counted.
  const guarded = async (source: string, work: () => Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${source} took over ${sourceDeadlineMs} ms`)), sourceDeadlineMs);
    });
    try {
      await Promise.race([work(), late]);
    } catch {
      scrapeErrors.inc({ source });
    } finally {
      clearTimeout(timer);
    }
  };

  const httpDuration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const workflowsStarted = new Counter({
    name: 'switchboard_workflows_started_total',
    help: 'Workflows started through this API, by use case',
    labelNames: ['use_case'],
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'switchboard_decisions_total',
    help: 'Human decisions sent through this API, by kind (ticket_review, fault_approval, fraud_decision) and value',
    labelNames: ['kind', 'decision'],
    registers: [registry],
  });

  // Both model gauges are collected in one scrape concurrently: they share one query while it is in flight.
  let modelCallRows: Promise<Array<{ use_case: string; cost: number | null; calls: number }>> | null = null;
  const modelCallFigures = () =>
    (modelCallRows ??= pool
      .query(
        `SELECT ${useCaseOfWorkflow} AS use_case, sum(cost_usd)::float8 AS cost, count(*)::int AS calls
           FROM model_calls GROUP BY 1`,
      )
      .then((result) => result.rows)
      .finally(() => (modelCallRows = null)));
  for (const [name, help, figure] of [
    ['switchboard_model_cost_usd', 'Model spend recorded in model_calls, by use case', 'cost'],
    ['switchboard_model_calls', 'Model calls recorded in model_calls, by use case', 'calls'],
  ] as const) {
    new Gauge({
      name,
      help,
      labelNames: ['use_case'],
      registers: [registry],
      async collect() {
        await guarded('model_calls', async () => {
          const rows = await modelCallFigures();
          this.reset();
          for (const row of rows) this.set({ use_case: row.use_case }, row[figure] ?? 0);
        });
      },
    });
  }
  new Gauge({
    name: 'switchboard_ticket_routes',
    help: 'Ticket workflows by the route they took (Temporal visibility: UseCase=ticket, Route=...)',
    labelNames: ['use_case', 'route'],
    registers: [registry],
    async collect() {
      await guarded('visibility', async () => {
        const counts = await Promise.all(
          routes.map((route) => client.workflow.count(`UseCase='ticket' AND Route='${route}'`)),
        );
        routes.forEach((route, i) => this.set({ use_case: 'ticket', route }, counts[i]!.count));
      });
    },
  });
  /** A gauge with one label, read at scrape time from the one row `sql` returns: a column for each label value. */
  const oneRowGauge = (gauge: { name: string; help: string; source: string; label: string; sql: string }) =>
    new Gauge({
      name: gauge.name,
      help: gauge.help,
      labelNames: [gauge.label],
      registers: [registry],
      async collect() {
        await guarded(gauge.source, async () => {
          const [row] = (await pool.query<Record<string, number>>(gauge.sql)).rows;
          for (const [value, count] of Object.entries(row!)) this.set({ [gauge.label]: value }, count);
        });
      },
    });
  oneRowGauge({
    name: 'switchboard_escalations',
    help: 'Work handed to people: ticket escalations (handoffs) and fault escalations (pages beyond the request)',
    source: 'escalations',
    label: 'use_case',
    sql: `SELECT (SELECT count(*) FROM handoffs WHERE kind = 'escalation')::int AS ticket,
                 (SELECT count(DISTINCT workflow_id) FROM pages
                   WHERE kind IN ('escalation', 'failed_verification', 'safe_stop'))::int AS fault`,
  });
  oneRowGauge({
    name: 'switchboard_ticket_feedback',
    help: "Customers' 'was this helpful?' answers, for the evaluation's drift figures",
    source: 'ticket_feedback',
    label: 'helpful',
    sql: `SELECT count(*) FILTER (WHERE helpful)::int AS "true", count(*) FILTER (WHERE NOT helpful)::int AS "false"
            FROM ticket_feedback`,
  });

  return {
    registry,
    observeRequest: (labels: { method: string; route: string; status: number }, seconds: number) =>
      httpDuration.observe({ ...labels, status: String(labels.status) }, seconds),
    workflowStarted: (useCase: string) => workflowsStarted.inc({ use_case: useCase }),
    decision: (kind: string, decision: string) => decisions.inc({ kind, decision }),
  };
}

export type ApiMetrics = ReturnType<typeof createMetrics>;
