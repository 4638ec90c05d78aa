import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createHttp2Server } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { setTimeout as wait } from 'node:timers/promises';
import { answerProblem, constrainedSchema } from './strict-schema';

export interface EmulatedRequest {
  provider: 'anthropic' | 'bedrock';
  path: string;
  headers: Record<string, string>;
  // Responders dig into arbitrary request JSON; forcing casts in every test would add noise, not safety.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  modelId: string;
  receivedAt: number;
  /** Set for Message Batch items, so a responder can script each item. */
  customId?: string;
}

export type Scripted =
  | {
      kind: 'reply';
      toolInput?: unknown;
      /** Invalid JSON on purpose: sent as a text block instead of tool_use. */
      rawToolInput?: string;
      text?: string;
      stopReason?: 'tool_use' | 'end_turn' | 'max_tokens';
      usage?: Partial<{ input_tokens: number; output_tokens: number }>;
      delayMs?: number;
    }
  | {
      kind: 'error';
      status: number;
      errorType?: string;
      message?: string;
      headers?: Record<string, string>;
      delayMs?: number;
    };

export type ScriptedReply = Extract<Scripted, { kind: 'reply' }>;
export type ScriptedError = Extract<Scripted, { kind: 'error' }>;
export type Responder = (request: EmulatedRequest) => Scripted | Promise<Scripted>;

export interface Emulator {
  url: string;
  requests: EmulatedRequest[];
  /** Consumed first, in order, before falling back to the responder. */
  enqueue(...items: Scripted[]): void;
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

export const defaultResponder: Responder = () => ({ kind: 'reply', toolInput: {} });

export class Script {
  readonly requests: EmulatedRequest[] = [];
  private readonly queue: Scripted[] = [];

  constructor(private responder: Responder = defaultResponder) {}

  enqueue(...items: Scripted[]): void {
    this.queue.push(...items);
  }

  setResponder(responder: Responder): void {
    this.responder = responder;
  }

  /** Takes the queue head synchronously so concurrent requests consume scripted items in arrival order. */
  next(request: EmulatedRequest): Promise<Scripted> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    const responder = this.responder;
    return Promise.resolve().then(() => responder(request));
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let sequence = 0;

/** Real-looking ids (`msg_01…`, 22 base62 chars) that are still stable from run to run for snapshot-free debugging. */
export function makeId(prefix: string): string {
  sequence += 1;
  const digest = createHash('sha256').update(`${prefix}${sequence}`).digest();
  let tail = '';
  for (let i = 0; i < 22; i++) tail += BASE62[(digest[i] ?? 0) % 62];
  return `${prefix}01${tail}`;
}

export function makeUuid(): string {
  sequence += 1;
  const hex = createHash('sha256').update(`uuid${sequence}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `a${hex.slice(17, 20)}`, hex.slice(20, 32)].join(
    '-',
  );
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // HTTP/2 pseudo-headers (:path, :method…) are transport, not request headers.
    if (value !== undefined && !name.startsWith(':')) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** What both HTTP/1.1 and HTTP/2 compat requests offer. */
export interface WireRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

export interface WireResponse {
  headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

export function sendJson(res: WireResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/** Rejects when the emulator closes, so a slow scripted reply never holds close() or jest open. */
export async function pause(ms: number | undefined, signal: AbortSignal): Promise<void> {
  if (ms && ms > 0) await wait(ms, undefined, { signal });
}

export interface Loopback {
  url: string;
  signal: AbortSignal;
  close(): Promise<void>;
}

export type Handler = (req: WireRequest, res: WireResponse, rawBody: string) => Promise<void>;

/**
 * One 127.0.0.1 port speaking HTTP/1.1 and cleartext HTTP/2: the Bedrock client's default handler opens h2 with
 * prior knowledge on an http:// endpoint, while fetch-based clients (Anthropic SDK) speak HTTP/1.1.
 */
export async function startLoopback(handler: Handler): Promise<Loopback> {
  const closing = new AbortController();
  const onRequest = (req: WireRequest & Readable, res: WireResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handler(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (closing.signal.aborted || res.headersSent) return;
        try {
          sendJson(res, 500, {}, { message: `emulator failure: ${String(error)}` });
        } catch {
          // The client is gone; nobody is left to tell.
        }
      });
    });
  };
  const http1 = createServer(onRequest);
  const h2c = createHttp2Server(onRequest);
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      // The h2 session drains the unshifted preface itself; resuming first would drop it on the floor.
      if (first.subarray(0, 4).toString('latin1') === 'PRI ') return void h2c.emit('connection', socket);
      http1.emit('connection', socket);
      socket.resume();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    signal: closing.signal,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        http1.close();
        h2c.close();
        server.close(() => resolve());
        // SDK clients keep connections alive; without this close() waits for them (and any slow reply) to end.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * The minimum cacheable prefix per model, as Anthropic documents it; a shorter prefix is silently not cached (no
 * write, no read, all input at full price). Models the table does not know (the 5-series) get 4,096, the highest
 * documented minimum, so the emulator never reports a saving the API might not give.
 */
const MIN_CACHEABLE: Array<[RegExp, number]> = [
  [/claude-haiku-4-5|claude-opus-4-[56]/, 4096],
  [/claude-sonnet-4-6|claude-3-5-haiku|claude-3-haiku|claude-haiku-3/, 2048],
  [/claude-sonnet-4-5|claude-opus-4-1|claude-opus-4-2|claude-sonnet-4-2|claude-3-7-sonnet|claude-opus-4(?!-)/, 1024],
];

export function minCacheableTokens(model: string): number {
  return MIN_CACHEABLE.find(([pattern]) => pattern.test(model))?.[1] ?? 4096;
}

/** Deterministic stand-in for a tokenizer: about four characters per token. */
export function estimateTokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.ceil(text.length / 4);
}

interface Segment {
  content: unknown;
  tokens: number;
  ttl?: string;
  marked: boolean;
}

// Prompt order for caching is tools, then system, then messages; breakpoints are honoured on tools and system only.
function segmentsOf(body: EmulatedRequest['body']): Segment[] {
  const blocks = (items: unknown, marks: boolean): Segment[] =>
    (Array.isArray(items) ? items : items === undefined ? [] : [items]).map((item) => {
      const control = marks && typeof item === 'object' && item !== null ? item.cache_control : undefined;
      const text = typeof item === 'object' && item !== null && typeof item.text === 'string' ? item.text : item;
      return { content: item, tokens: estimateTokens(text), ttl: control?.ttl, marked: control?.type === 'ephemeral' };
    });
  return [...blocks(body.tools, true), ...blocks(body.system, true), ...blocks(body.messages, false)];
}

export interface CacheUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** Exact-prefix prompt cache with the real TTLs (5 minutes, or 1 hour when asked), refreshed on every hit. */
export class PromptCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  account(model: string, body: EmulatedRequest['body']): CacheUsage {
    const segments = segmentsOf(body);
    const total = segments.reduce((sum, segment) => sum + segment.tokens, 0);
    const lastMark = segments.map((segment) => segment.marked).lastIndexOf(true);
    const prefix = segments.slice(0, lastMark + 1);
    const prefixTokens = prefix.reduce((sum, segment) => sum + segment.tokens, 0);
    if (lastMark < 0 || prefixTokens < minCacheableTokens(model)) {
      return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    }
    const key = createHash('sha256')
      .update(JSON.stringify([model, prefix.map((segment) => segment.content)]))
      .digest('hex');
    const now = this.now();
    const hit = (this.expiries.get(key) ?? 0) > now;
    this.expiries.set(key, now + (prefix[lastMark]?.ttl === '1h' ? 3_600_000 : 300_000));
    return {
      input_tokens: total - prefixTokens,
      cache_creation_input_tokens: hit ? 0 : prefixTokens,
      cache_read_input_tokens: hit ? prefixTokens : 0,
    };
  }
}

export interface EmulatedMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Array<{ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown }>;
  stop_reason: 'tool_use' | 'end_turn' | 'max_tokens';
  stop_sequence: null;
  usage: CacheUsage & { output_tokens: number };
}

// A forced tool (or `any`, or a scripted input when tools exist) is the only way a tool_use block can come back.
function toolNameFor(body: EmulatedRequest['body'], reply: ScriptedReply): string | undefined {
  const choice = body.tool_choice;
  if (choice?.type === 'tool' && typeof choice.name === 'string') return choice.name;
  if (choice?.type === 'none') return undefined;
  const first = Array.isArray(body.tools) ? body.tools[0]?.name : undefined;
  return choice?.type === 'any' || reply.toolInput !== undefined ? first : undefined;
}

// A tool_use input is always a whole object on the wire, so truncation shows up as a tool_use missing later fields.
function truncated(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {};
  const entries = Object.entries(input);
  return Object.fromEntries(entries.slice(0, Math.floor(entries.length / 2)));
}

type Reply = Pick<EmulatedMessage, 'content' | 'stop_reason'>;

function replyContent(body: EmulatedRequest['body'], reply: ScriptedReply): Reply {
  const cut = reply.stopReason === 'max_tokens';
  if (reply.rawToolInput !== undefined) {
    return { content: [{ type: 'text', text: reply.rawToolInput }], stop_reason: reply.stopReason ?? 'end_turn' };
  }
  const toolName = toolNameFor(body, reply);
  if (toolName !== undefined) {
    const input = cut ? truncated(reply.toolInput) : (reply.toolInput ?? {});
    const content: Reply['content'] = [{ type: 'tool_use', id: makeId('toolu_'), name: toolName, input }];
    return { content, stop_reason: reply.stopReason ?? 'tool_use' };
  }
  if (body.output_config?.format?.type === 'json_schema') {
    // Structured outputs arrive as JSON text, and unlike tool input a max_tokens stop can cut it mid-value.
    const json = reply.toolInput === undefined ? (reply.text ?? '{}') : JSON.stringify(reply.toolInput);
    const text = cut ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : json;
    return { content: [{ type: 'text', text }], stop_reason: reply.stopReason ?? 'end_turn' };
  }
  return { content: [{ type: 'text', text: reply.text ?? 'OK' }], stop_reason: reply.stopReason ?? 'end_turn' };
}

/**
 * Why a scripted reply could not come back from a strict request: constrained decoding makes a schema violation
 * impossible (only a max_tokens stop can cut an answer short). Emulators started with `strictAnswers` refuse to
 * serve one, so a suite proves its answers fit; fault-injection suites leave it off to exercise the repair path.
 */
export function strictReplyProblem(body: EmulatedRequest['body'], reply: ScriptedReply): string | undefined {
  const schema = constrainedSchema(body ?? {});
  if (schema === undefined || reply.stopReason === 'max_tokens') return undefined;
  if (reply.rawToolInput !== undefined) return 'unparseable output';
  const problem = answerProblem(schema, reply.toolInput ?? {});
  return problem && `an answer outside the schema (${problem})`;
}

export function buildMessage(
  idPrefix: string,
  model: string,
  body: EmulatedRequest['body'],
  reply: ScriptedReply,
  cache: PromptCache,
): EmulatedMessage {
  const { content, stop_reason } = replyContent(body, reply);
  const usage = cache.account(model, body);
  return {
    id: makeId(idPrefix),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason,
    stop_sequence: null,
    usage: {
      ...usage,
      input_tokens: reply.usage?.input_tokens ?? usage.input_tokens,
      output_tokens: reply.usage?.output_tokens ?? Math.max(1, estimateTokens(content)),
    },
  };
}
