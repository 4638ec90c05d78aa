import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * The span attributes that may leave the process: Temporal's ids and names. Everything else is dropped, because the
 * SDK copies the whole WorkflowInfo onto workflow spans (memo, search attributes, last result), a termination
 * reason is free text, and an error's message can quote a customer.
 */
const allowedAttributes = new Set([
  'temporalWorkflowId',
  'run_id',
  'temporalActivityId',
  'temporalUpdateId',
  'temporalNexusService',
  'temporalNexusOperation',
  'temporalNexusEndpoint',
  'workflowId',
  'runId',
  'workflowType',
  'namespace',
  'taskQueue',
  'attempt',
  'firstExecutionRunId',
  'continuedFromExecutionRunId',
]);

function redacted(span: ReadableSpan): ReadableSpan {
  const attributes = Object.fromEntries(Object.entries(span.attributes).filter(([key]) => allowedAttributes.has(key)));
  // An exception event keeps its type (ApplicationFailure, ModelOutputInvalid...), never its message or stack.
  const events = span.events.map(({ name, time, droppedAttributesCount, attributes: eventAttributes }) => {
    const type = eventAttributes?.['exception.type'];
    return {
      name,
      time,
      droppedAttributesCount,
      attributes: typeof type === 'string' ? { 'exception.type': type } : {},
    };
  });
  // Everything else (ids, times, links, resource) is read through to the original span.
  return Object.create(span, {
    attributes: { value: attributes, enumerable: true },
    events: { value: events, enumerable: true },
    status: { value: { code: span.status.code }, enumerable: true },
  }) as ReadableSpan;
}

/** Wraps the processor that exports: what it receives carries no customer text. */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.next.onEnd(redacted(span));
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
