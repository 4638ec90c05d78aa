import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createApiClient } from '../../../client/cli/api-client';
import type { CliContext } from '../../../client/cli/context';
import type { Io } from '../../../client/cli/io';

/** A syntactically valid key that no server knows: tests must never need a real one. */
export const testKey = `sb_abcd1234_${'k'.repeat(43)}`;

export interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
  accept: string | undefined;
  body: unknown;
}

export interface Reply {
  status?: number;
  json?: unknown;
  text?: string;
  type?: string;
}

export type Routes = Record<string, (request: Recorded) => Reply>;

/** The API contract's shapes on a real socket (port 0), so the client's fetch, headers and parsing are exercised. */
export async function fakeApi(routes: Routes) {
  const requests: Recorded[] = [];
  const server = createServer(async (req, res) => {
    const recorded = await record(req);
    requests.push(recorded);
    const route = routes[`${recorded.method} ${recorded.path}`];
    const reply: Reply = route
      ? route(recorded)
      : { status: 404, json: { error: { code: 'not_found', message: `no endpoint ${recorded.path}` } } };
    const body = reply.text ?? JSON.stringify(reply.json ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'application/json; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function record(req: IncomingMessage): Promise<Recorded> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    authorization: req.headers.authorization,
    accept: req.headers.accept,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** Buffers for stdout and stderr, and a stdin a test can type into. */
export function testIo(options: { interactive?: boolean; input?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  if (options.input !== undefined) stdin.end(options.input);
  const io: Io = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    stdin,
    interactive: options.interactive ?? false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

export function testContext(
  url: string,
  io: Io,
  now = new Date('2025-03-01T10:00:00Z'),
  signingKeyPath = '/nonexistent/switchboard/decision-key.json',
): CliContext {
  const api = createApiClient({ SWITCHBOARD_API_URL: url, SWITCHBOARD_API_KEY: testKey });
  return { io, api: () => api, now: () => now, signingKeyPath };
}

export const bgpItem = {
  workflowId: 'fault-RTR-SYD-02-bgp_flapping',
  deviceId: 'RTR-SYD-02',
  alertType: 'bgp_flapping',
  action: 'reset_bgp_session',
  destructive: true,
  diagnosis: { summary: 'BGP version mismatch after the firmware upgrade', confidence: 82 },
  rule: 'reset_bgp_session drops every route through the session',
  requestedAt: '2025-03-01T09:48:00.000Z',
  approvers: ['eng.alice', 'eng.bruno'],
  pagedTier: 1,
  runId: '0193a1b2-run-of-the-bgp-fault',
  subject: 'reset_bgp_session@RTR-SYD-02',
};

export const cpuItem = {
  ...bgpItem,
  workflowId: 'fault-RTR-MEL-01-cpu_high',
  deviceId: 'RTR-MEL-01',
  alertType: 'cpu_high',
  action: 'drain_traffic',
  destructive: false,
  diagnosis: { summary: 'runaway process', confidence: 55 },
  rule: 'confidence below the auto-execution threshold',
  requestedAt: null,
};

/** The API's 202 to a decision posted for `approver`: the path's fault, and the decision sent (a signed one approves). */
export const approvalAccepted = (approver: string) => (request: { path: string; body: unknown }) => ({
  status: 202,
  json: {
    workflowId: request.path.split('/')[2],
    decision: (request.body as { decision?: string }).decision ?? 'approve',
    approver,
    counted: true,
    reason: 'approved',
  },
});

/** What GET /faults/:id says of a fault that waits for a decision, as the API answers it. */
export const faultWaiting = (item: typeof bgpItem | typeof cpuItem) => () => ({
  json: {
    workflowId: item.workflowId,
    destructive: item.destructive,
    pending: {
      waiting: true,
      action: item.action,
      deviceId: item.deviceId,
      deferredUntil: null,
      runId: item.runId,
      subject: item.subject,
    },
  },
});
