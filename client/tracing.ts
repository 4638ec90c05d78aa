import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { Config } from '../config';
import { otlpTracesUrl } from '../config/tracing';
import { RedactingSpanProcessor } from './span-redaction';

/** The process's tracing: what the client, activity and workflow interceptors report through. */
export interface Tracing {
  tracer: Tracer;
  resource: Resource;
  /** Redacts, then exports; the worker hands workflow spans (made inside the sandbox) to it through a sink. */
  spanProcessor: SpanProcessor;
  /** Sends what is buffered; a short-lived process calls it before it exits. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

type TracingConfig = Pick<
  Config,
  'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' | 'OTEL_SERVICE_NAME'
>;

let installed: Tracing | undefined;

function processorsFor(config: TracingConfig): SpanProcessor[] {
  return config.OTEL_TRACES_EXPORTER.map((name) =>
    name === 'otlp'
      ? new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(config) }))
      : new SimpleSpanProcessor(new ConsoleSpanExporter()),
  );
}

/**
 * Installs tracing for this process, once: a tracer provider, and the global context manager and W3C propagator
 * that carry a span from the client's start through the workflow's headers to its activities. Returns undefined
 * when OTEL_TRACES_EXPORTER names no exporter and none is given (tests pass an in-memory one).
 */
export function installTracing(
  config: TracingConfig,
  options: { serviceName?: string; exporter?: SpanExporter } = {},
): Tracing | undefined {
  if (installed) return installed;
  const processors = [
    ...processorsFor(config),
    ...(options.exporter ? [new SimpleSpanProcessor(options.exporter)] : []),
  ];
  if (!processors.length) return undefined;
  const resource = new Resource({
    'service.name': config.OTEL_SERVICE_NAME ?? options.serviceName ?? 'switchboard',
  });
  const spanProcessors = processors.map((processor) => new RedactingSpanProcessor(processor));
  const provider = new BasicTracerProvider({ resource, spanProcessors });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new W3CTraceContextPropagator(),
  });
  const fanOut: SpanProcessor = {
    onStart: (span, parent) => spanProcessors.forEach((processor) => processor.onStart(span, parent)),
    onEnd: (span) => spanProcessors.forEach((processor) => processor.onEnd(span)),
    forceFlush: async () => void (await Promise.all(spanProcessors.map((processor) => processor.forceFlush()))),
    shutdown: async () => void (await Promise.all(spanProcessors.map((processor) => processor.shutdown()))),
  };
  const tracing: Tracing = {
    tracer: provider.getTracer('switchboard'),
    resource,
    spanProcessor: fanOut,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      installed = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  installed = tracing;
  return tracing;
}

/** The process's tracing, installed on first use from config: every client in a process shares it. */
export function processTracing(config: TracingConfig, serviceName?: string): Tracing | undefined {
  return installed ?? installTracing(config, serviceName ? { serviceName } : {});
}

/** The client interceptor that opens a span for each start, signal, query and update, and sends it in headers. */
export function tracingClientInterceptors(tracing: Tracing | undefined): WorkflowClientInterceptor[] {
  return tracing ? [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] : [];
}
