import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { RedactingSpanProcessor } from '../../../client/span-redaction';

describe('RedactingSpanProcessor', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new RedactingSpanProcessor(new SimpleSpanProcessor(exporter))],
  });
  afterAll(() => provider.shutdown());

  it("exports Temporal's ids and the error's type, and none of a customer's words", () => {
    const words = 'my card 4111 1111 1111 1111 was charged twice';
    const span = provider.getTracer('test').startSpan('RunWorkflow:resolveTicket', {
      attributes: {
        workflowId: 'ticket-T-1',
        workflowType: 'resolveTicket',
        temporalActivityId: '3',
        // What the SDK copies from WorkflowInfo, and a termination reason typed by a person.
        memo: words,
        temporalTerminateReason: words,
      },
    });
    const failure = new TypeError(words);
    span.recordException(failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: words });
    span.end();

    const [exported] = exporter.getFinishedSpans();
    expect(exported?.attributes).toEqual({
      workflowId: 'ticket-T-1',
      workflowType: 'resolveTicket',
      temporalActivityId: '3',
    });
    expect(exported?.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(exported?.events.map((event) => event.attributes)).toEqual([{ 'exception.type': 'TypeError' }]);
    expect(JSON.stringify([exported?.attributes, exported?.events, exported?.status])).not.toContain('4111');
    // Ids and times still read through to the span itself.
    expect(exported?.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(exported?.name).toBe('RunWorkflow:resolveTicket');
  });
});
