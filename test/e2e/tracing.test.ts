import { randomUUID } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Worker } from '@temporalio/worker';
import { connectClient } from '../../client';
import { installTracing, type Tracing } from '../../client/tracing';
import { dataConverterFromConfig } from '../../security/data-converter';
import { workerTracingOptions } from '../../workers/tracing';
import { waitFor } from '../support/temporal';
import { e2eConfig, e2eHarness, uniqueTicketId, type E2EHarness } from './support';

const idOf = (span: ReadableSpan) => span.spanContext().spanId;

// One ticket run, traced with an in-memory exporter: the client, the worker and its activities share this process.
describe('a ticket traced from the client through the workflow to its activities', () => {
  const exporter = new InMemorySpanExporter();
  const marker = `TRACE-MARKER-${randomUUID()}`;
  const ticketId = uniqueTicketId('TRACE');
  const workflowId = `ticket-${ticketId}`;
  let tracing: Tracing;
  let harness: E2EHarness;
  let spans: ReadableSpan[];

  beforeAll(async () => {
    // Installed before the harness: its worker and client take the process's tracing as they would from config.
    tracing = installTracing(e2eConfig(), { exporter, serviceName: 'switchboard-e2e' })!;
    harness = await e2eHarness();
    await harness.tickets.start({
      ticketId,
      accountId: 'ACC-1002',
      channel: 'chat',
      message: `Why was I charged $45 for international roaming in Thailand? My plan includes roaming. Ref ${marker}`,
    });
    await harness.tickets.result(ticketId);
    // Workflow spans leave the sandbox through a sink after the workflow task that ends them.
    spans = await waitFor(async () => {
      const finished = exporter.getFinishedSpans();
      return finished.some((span) => span.name === 'RunWorkflow:resolveTicket') ? finished : undefined;
    }, 'the workflow span');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    await tracing?.shutdown();
  });

  it('puts the client start, the workflow run and every activity in one trace', () => {
    const start = spans.find(
      (span) => span.name === 'StartWorkflow:resolveTicket' && span.attributes.temporalWorkflowId === workflowId,
    );
    expect(start).toBeDefined();
    const traceId = start!.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const run = inTrace.find((span) => span.name === 'RunWorkflow:resolveTicket');
    expect(run?.parentSpanId).toBe(idOf(start!));

    const scheduled = inTrace.filter((span) => span.name.startsWith('StartActivity:'));
    const executed = inTrace.filter((span) => span.name.startsWith('RunActivity:'));
    expect(scheduled.every((span) => span.parentSpanId === idOf(run!))).toBe(true);
    // Each execution continues the span its workflow opened when it scheduled the activity.
    expect(executed.every((span) => scheduled.some((parent) => idOf(parent) === span.parentSpanId))).toBe(true);
    expect(executed.map((span) => span.name)).toEqual(
      expect.arrayContaining([
        'RunActivity:loadAccountContext',
        'RunActivity:classifyIntent',
        'RunActivity:retrieveKnowledge',
        'RunActivity:draftReply',
        'RunActivity:validateReply',
        'RunActivity:sendMessage',
      ]),
    );
    expect(executed.every((span) => span.attributes.temporalWorkflowId === workflowId)).toBe(true);
    // Every span this run produced is in that one trace.
    const ofThisRun = spans.filter(
      (span) => span.attributes.temporalWorkflowId === workflowId || span.attributes.workflowId === workflowId,
    );
    expect(new Set(ofThisRun.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));
    expect(run!.resource.attributes['service.name']).toBe('switchboard-e2e');
  });

  it("keeps the customer's words out of every span", () => {
    const exported = JSON.stringify(
      spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, status: span.status })),
    );
    expect(exported).toContain(workflowId);
    expect(exported).not.toContain(marker);
    expect(exported).not.toContain('Thailand');
  });

  it('replays the traced run deterministically', async () => {
    const { client, close } = await connectClient(harness.config);
    try {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      await expect(
        Worker.runReplayHistory(
          {
            workflowBundle: { codePath: harness.config.WORKFLOW_BUNDLE_PATH! },
            dataConverter: dataConverterFromConfig(harness.config),
            sinks: workerTracingOptions(undefined).sinks,
          },
          history,
        ),
      ).resolves.toBeUndefined();
    } finally {
      await close();
    }
  });
});
