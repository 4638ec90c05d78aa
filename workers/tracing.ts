import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import type { Tracing } from '../client/tracing';

/**
 * The worker's half of tracing. Activities continue the span their workflow sent in headers; workflow spans, made
 * inside the sandbox (workers/workflow-tracing.ts, in the bundle), come out through the `exporter` sink. The sink is
 * registered even with tracing off, as a no-op: a workflow started by a traced client still calls it.
 */
export function workerTracingOptions(tracing: Tracing | undefined): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const sinks: InjectedSinks<OpenTelemetrySinks> = {
    exporter: tracing ? makeWorkflowExporter(tracing.spanProcessor, tracing.resource) : { export: { fn: () => {} } },
  };
  if (!tracing) return { sinks };
  const { tracer } = tracing;
  return {
    sinks,
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
  };
}
