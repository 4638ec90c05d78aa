import { EmulatedFailure, emulatorOf, scriptedReply, type FailureWording } from './exchange';
import { bodyStrictProblem } from './strict-schema';
import {
  buildMessage,
  flattenHeaders,
  makeId,
  pause,
  PromptCache,
  Script,
  sendJson,
  startLoopback,
  type Emulator,
  type EmulatedRequest,
  type Responder,
  type ScriptedError,
  type WireRequest,
  type WireResponse,
} from './script';

export interface AnthropicEmulatorOptions {
  responder?: Responder;
  /** The Nth retrieve of a batch (counting the one inside `batches.results()`) is the first to report `ended`. */
  batchPollsUntilDone?: number;
  /** Clock for the prompt cache TTL and batch timestamps. */
  now?: () => number;
  /** Refuse (500) to serve a scripted answer a strict request could not produce: see strictReplyProblem. */
  strictAnswers?: boolean;
}

export type AnthropicEmulator = Emulator;

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

class ApiFailure extends EmulatedFailure {
  static from(scripted: ScriptedError): ApiFailure {
    const type =
      scripted.errorType && !scripted.errorType.endsWith('Exception')
        ? scripted.errorType
        : (ERROR_TYPES[scripted.status] ?? (scripted.status >= 500 ? 'api_error' : 'invalid_request_error'));
    return new ApiFailure(scripted.status, type, scripted.message ?? `Emulated ${type}`, scripted.headers);
  }

  toBody(requestId: string | null) {
    return { type: 'error', error: { type: this.type, message: this.message }, request_id: requestId };
  }
}

const failures: FailureWording = {
  scripted: (error) => ApiFailure.from(error),
  internal: (message) => new ApiFailure(500, 'api_error', message),
};

/** The real API's first complaint, in its `field: problem` wording, or undefined when the params would be accepted. */
function paramsProblem(params: EmulatedRequest['body'], at = ''): string | undefined {
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    return `${at || 'body'}: Input should be an object`;
  if (typeof params.model !== 'string' || params.model === '') return `${at}model: Field required`;
  if (!Number.isInteger(params.max_tokens) || params.max_tokens < 1) return `${at}max_tokens: Field required`;
  if (!Array.isArray(params.messages) || params.messages.length === 0) return `${at}messages: Field required`;
  const choice = params.tool_choice;
  const tools: Array<{ name?: string }> = Array.isArray(params.tools) ? params.tools : [];
  if (choice?.type === 'tool' && !tools.some((tool) => tool.name === choice.name)) {
    return `${at}tool_choice: Tool '${String(choice.name)}' not found in tools`;
  }
  return bodyStrictProblem(params, at);
}

export async function startAnthropicEmulator(options: AnthropicEmulatorOptions = {}): Promise<AnthropicEmulator> {
  const now = options.now ?? Date.now;
  const script = new Script(options.responder);
  const cache = new PromptCache(now);
  const batchRoutes = createBatchRoutes({
    script,
    cache,
    now,
    pollsUntilDone: options.batchPollsUntilDone ?? 2,
    baseUrl: () => loop.url,
    signal: () => loop.signal,
  });

  async function messages(req: WireRequest, res: WireResponse, body: unknown, requestId: string) {
    const request: EmulatedRequest = {
      provider: 'anthropic',
      path: '/v1/messages',
      headers: flattenHeaders(req.headers),
      body,
      modelId: String((body as { model?: unknown } | undefined)?.model ?? ''),
      receivedAt: now(),
    };
    script.requests.push(request);
    const problem = paramsProblem(body);
    if (problem) throw new ApiFailure(400, 'invalid_request_error', problem);
    const scripted = await scriptedReply(script, request, {
      signal: loop.signal,
      strictAnswers: options.strictAnswers,
      failures,
    });
    sendJson(res, 200, { 'request-id': requestId }, buildMessage('msg_', request.modelId, body, scripted, cache));
  }

  async function route(req: WireRequest, res: WireResponse, rawBody: string, requestId: string) {
    const headers = req.headers;
    const hasKey = Boolean(headers['x-api-key']) || /^Bearer \S/.test(headers.authorization ?? '');
    if (!hasKey) throw new ApiFailure(401, 'authentication_error', 'x-api-key or Authorization header is required');
    if (!headers['anthropic-version']) {
      throw new ApiFailure(400, 'invalid_request_error', 'anthropic-version: header is required');
    }
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    let body: unknown;
    if (req.method === 'POST') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw new ApiFailure(400, 'invalid_request_error', 'There was an error parsing the body of your request');
      }
    }
    if (req.method === 'POST' && path === '/v1/messages') return messages(req, res, body, requestId);
    const reply = batchRoutes(req.method ?? 'GET', path, body, req);
    if (!reply) throw new ApiFailure(404, 'not_found_error', `Not found: ${req.method} ${path}`);
    if (reply.jsonl === undefined) return sendJson(res, 200, { 'request-id': requestId }, reply.json);
    res.writeHead(200, { 'request-id': requestId, 'content-type': 'application/binary' });
    res.end(reply.jsonl);
  }

  const loop = await startLoopback(async (req, res, rawBody) => {
    const requestId = makeId('req_');
    try {
      await route(req, res, rawBody, requestId);
    } catch (error) {
      if (loop.signal.aborted) return;
      const failure = error instanceof ApiFailure ? error : new ApiFailure(500, 'api_error', String(error));
      sendJson(res, failure.status, { ...failure.headers, 'request-id': requestId }, failure.toBody(requestId));
    }
  });

  return emulatorOf(script, loop);
}

interface ResultLine {
  custom_id: string;
  result: { type: 'succeeded'; message: unknown } | { type: 'errored'; error: unknown };
}

interface Batch {
  id: string;
  seed: number;
  createdAt: number;
  size: number;
  polls: number;
  lines?: ResultLine[];
  endedAt?: number;
}

interface BatchDeps {
  script: Script;
  cache: PromptCache;
  now: () => number;
  pollsUntilDone: number;
  baseUrl: () => string;
  signal: () => AbortSignal;
}

// The real API does not promise request order; a fixed non-identity permutation keeps callers matching on custom_id.
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out.every((item, i) => item === items[i]) ? out.reverse() : out;
}

const iso = (ms: number) => new Date(ms).toISOString();

function createBatchRoutes(deps: BatchDeps) {
  const batches = new Map<string, Batch>();

  function view(batch: Batch) {
    const ended = batch.endedAt !== undefined;
    const count = (type: string) =>
      ended ? (batch.lines ?? []).filter((line) => line.result.type === type).length : 0;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : 'in_progress',
      request_counts: {
        processing: ended ? 0 : batch.size,
        succeeded: count('succeeded'),
        errored: count('errored'),
        canceled: 0,
        expired: 0,
      },
      ended_at: batch.endedAt === undefined ? null : iso(batch.endedAt),
      created_at: iso(batch.createdAt),
      expires_at: iso(batch.createdAt + 86_400_000),
      cancel_initiated_at: null,
      archived_at: null,
      results_url: ended ? `${deps.baseUrl()}/v1/messages/batches/${batch.id}/results` : null,
    };
  }

  async function answer(item: EmulatedRequest['body'], headers: Record<string, string>): Promise<ResultLine> {
    const custom_id: string = item.custom_id;
    const request: EmulatedRequest = {
      provider: 'anthropic',
      path: '/v1/messages/batches',
      headers,
      body: item.params,
      modelId: item.params.model,
      receivedAt: deps.now(),
      customId: custom_id,
    };
    deps.script.requests.push(request);
    const next = deps.script.next(request);
    try {
      const scripted = await next;
      await pause(scripted.delayMs, deps.signal());
      if (scripted.kind === 'error')
        return { custom_id, result: { type: 'errored', error: ApiFailure.from(scripted).toBody(null) } };
      const message = buildMessage('msg_', request.modelId, item.params, scripted, deps.cache);
      return { custom_id, result: { type: 'succeeded', message } };
    } catch (error) {
      return {
        custom_id,
        result: { type: 'errored', error: new ApiFailure(500, 'api_error', String(error)).toBody(null) },
      };
    }
  }

  function create(body: EmulatedRequest['body'], headers: Record<string, string>) {
    const items: EmulatedRequest['body'][] = body?.requests;
    if (!Array.isArray(items) || items.length === 0)
      throw new ApiFailure(400, 'invalid_request_error', 'requests: Field required');
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const id = item?.custom_id;
      if (typeof id !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(id) || seen.has(id)) {
        throw new ApiFailure(
          400,
          'invalid_request_error',
          `requests.${i}.custom_id: must be unique and match ^[a-zA-Z0-9_-]{1,64}$`,
        );
      }
      seen.add(id);
      const problem = paramsProblem(item.params, `requests.${i}.params.`);
      if (problem) throw new ApiFailure(400, 'invalid_request_error', problem);
    });
    const batch: Batch = {
      id: makeId('msgbatch_'),
      seed: batches.size + 1,
      createdAt: deps.now(),
      size: items.length,
      polls: 0,
    };
    batches.set(batch.id, batch);
    // Items are taken from the script queue in request order, before any of them is awaited.
    void Promise.all(items.map((item) => answer(item, headers))).then((lines) => {
      batch.lines = shuffle(lines, batch.seed);
    });
    return view(batch);
  }

  return (
    method: string,
    path: string,
    body: unknown,
    req: WireRequest,
  ): { json?: unknown; jsonl?: string } | undefined => {
    if (method === 'POST' && path === '/v1/messages/batches')
      return { json: create(body, flattenHeaders(req.headers)) };
    const match = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
    if (method !== 'GET' || !match) return undefined;
    const batch = batches.get(match[1] ?? '');
    if (!batch) throw new ApiFailure(404, 'not_found_error', `No batch found with id ${match[1]}`);
    if (match[2]) {
      if (batch.endedAt === undefined || !batch.lines) {
        throw new ApiFailure(
          400,
          'invalid_request_error',
          `Batch ${batch.id} has not ended; results are not available`,
        );
      }
      return { jsonl: batch.lines.map((line) => JSON.stringify(line)).join('\n') + '\n' };
    }
    batch.polls += 1;
    if (batch.endedAt === undefined && batch.lines && batch.polls >= deps.pollsUntilDone) batch.endedAt = deps.now();
    return { json: view(batch) };
  };
}
