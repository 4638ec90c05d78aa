import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../../../config';
import { installTracing } from '../../../client/tracing';

describe('tracing switched on by OTEL_* configuration', () => {
  let server: Server;
  const received: Array<{ url: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ url: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is off unless an exporter is named', () => {
    expect(parseConfig({}).OTEL_TRACES_EXPORTER).toEqual([]);
    expect(parseConfig({ OTEL_TRACES_EXPORTER: 'none' }).OTEL_TRACES_EXPORTER).toEqual([]);
    expect(installTracing(parseConfig({}))).toBeUndefined();
    expect(() => parseConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });

  it('sends redacted spans over OTLP/HTTP to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces', async () => {
    const { port } = server.address() as AddressInfo;
    const config = parseConfig({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}/`,
      OTEL_SERVICE_NAME: 'switchboard-unit',
    });
    const tracing = installTracing(config)!;
    try {
      const span = tracing.tracer.startSpan('StartWorkflow:resolveTicket', {
        attributes: { temporalWorkflowId: 'ticket-T-9', note: 'a customer wrote this' },
      });
      span.end();
      await tracing.flush();
    } finally {
      await tracing.shutdown();
    }
    expect(received.map(({ url }) => url)).toEqual(['/v1/traces']);
    const body = received[0]!.body;
    expect(body).toContain('StartWorkflow:resolveTicket');
    expect(body).toContain('ticket-T-9');
    expect(body).toContain('switchboard-unit');
    expect(body).not.toContain('a customer wrote this');
  });
});
