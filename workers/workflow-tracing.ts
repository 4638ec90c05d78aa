/**
 * A workflow interceptor module: bundled with the workflows and run inside the sandbox, so it must be as
 * deterministic as workflow code. It puts the SDK's OpenTelemetry workflow interceptors to work only for a workflow
 * whose start carried a trace context, i.e. one started by a client with tracing on. Every other workflow runs as if
 * this module were absent: no spans, no extra headers on its commands, and the histories recorded before tracing
 * existed replay unchanged. The decision is read from the start event's headers, so a replay makes the same one.
 */
import type {
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type * as OpenTelemetryWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow';

/**
 * The header a traced client writes (`TRACE_HEADER` of `@temporalio/interceptors-opentelemetry`; the bundle test in
 * test/workflows/bundle-modules.test.ts holds the two equal). Written out, not imported: the SDK evaluates this
 * module's imports again for every workflow, and the OpenTelemetry modules behind that constant cost about 220 KB a
 * workflow, which an untraced one never uses.
 */
export const traceHeader = '_tracer-data';

interface Traced {
  inbound: OpenTelemetryWorkflow.OpenTelemetryInboundInterceptor;
  outbound: OpenTelemetryWorkflow.OpenTelemetryOutboundInterceptor;
  internals: OpenTelemetryWorkflow.OpenTelemetryInternalsInterceptor;
}

/** Loaded by a traced workflow only, on its start: webpack's synchronous `require`, so replay loads it at the same point. */
function tracedInterceptors(): Traced {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see traceHeader
  const otel = require('@temporalio/interceptors-opentelemetry/lib/workflow') as typeof OpenTelemetryWorkflow;
  return {
    inbound: new otel.OpenTelemetryInboundInterceptor(),
    outbound: new otel.OpenTelemetryOutboundInterceptor(),
    internals: new otel.OpenTelemetryInternalsInterceptor(),
  };
}

export const interceptors = (): WorkflowInterceptors => {
  // Set by `execute`, which runs before the workflow function can schedule anything.
  let traced: Traced | undefined;

  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      if (input.headers[traceHeader] !== undefined) traced = tracedInterceptors();
      return traced ? traced.inbound.execute(input, next) : next(input);
    },
    handleSignal: (input, next) => (traced ? traced.inbound.handleSignal(input, next) : next(input)),
    handleUpdate: (input, next) => (traced ? traced.inbound.handleUpdate(input, next) : next(input)),
    validateUpdate: (input, next) => (traced ? traced.inbound.validateUpdate(input, next) : next(input)),
    handleQuery: (input, next) => (traced ? traced.inbound.handleQuery(input, next) : next(input)),
  };

  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (traced ? traced.outbound.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (traced ? traced.outbound.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) =>
      traced ? traced.outbound.startChildWorkflowExecution(input, next) : next(input),
    startNexusOperation: (input, next) => (traced ? traced.outbound.startNexusOperation(input, next) : next(input)),
    continueAsNew: (input, next) => (traced ? traced.outbound.continueAsNew(input, next) : next(input)),
    signalWorkflow: (input, next) => (traced ? traced.outbound.signalWorkflow(input, next) : next(input)),
    getLogAttributes: (input, next) => (traced ? traced.outbound.getLogAttributes(input, next) : next(input)),
  };

  const internals: WorkflowInternalsInterceptor = {
    dispose: (input, next) => (traced ? traced.internals.dispose(input, next) : next(input)),
  };

  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
