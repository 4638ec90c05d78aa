import { EmulatedFailure, emulatorOf, scriptedReply, type FailureWording } from './exchange';
import { bodyStrictProblem } from './strict-schema';
import {
  buildMessage,
  flattenHeaders,
  makeUuid,
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

export interface BedrockEmulatorOptions {
  responder?: Responder;
  /** Clock for the prompt cache TTL. */
  now?: () => number;
  /** Refuse (500) to serve a scripted answer a strict request could not produce: see strictReplyProblem. */
  strictAnswers?: boolean;
}

export type BedrockEmulator = Emulator;

/** Status for each modelled InvokeModel exception, as declared in the SDK's error schemas. */
export const BEDROCK_EXCEPTION_STATUS: Record<string, number> = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
};

const EXCEPTION_BY_STATUS: Record<number, string> = {
  400: 'ValidationException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  424: 'ModelErrorException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};

class AwsFailure extends EmulatedFailure {
  // A responder shared with the Anthropic emulator may name Anthropic error types; those fall back to the status.
  static from(scripted: ScriptedError): AwsFailure {
    const named = scripted.errorType?.endsWith('Exception') ? scripted.errorType : undefined;
    const type =
      named ??
      EXCEPTION_BY_STATUS[scripted.status] ??
      (scripted.status >= 500 ? 'InternalServerException' : 'ValidationException');
    return new AwsFailure(scripted.status, type, scripted.message ?? `Emulated ${type}`, scripted.headers);
  }
}

const malformed = (detail: string) =>
  new AwsFailure(
    400,
    'ValidationException',
    `Malformed input request: ${detail}, please reformat your input and try again.`,
  );

const failures: FailureWording = {
  scripted: (error) => AwsFailure.from(error),
  internal: (message) => new AwsFailure(500, 'InternalServerException', message),
};

/** Bedrock validates the Anthropic body against a JSON schema: required keys, and no `model` (it is in the path). */
function bodyProblem(body: EmulatedRequest['body']): AwsFailure | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return malformed('#: expected type: JSONObject');
  for (const key of ['anthropic_version', 'max_tokens', 'messages']) {
    if (body[key] === undefined) return malformed(`#: required key [${key}] not found`);
  }
  if ('model' in body) return malformed('#: extraneous key [model] is not permitted');
  if (body.anthropic_version !== 'bedrock-2023-05-31') return malformed('#/anthropic_version: invalid version');
  const strict = bodyStrictProblem(body);
  return strict ? new AwsFailure(400, 'ValidationException', strict) : undefined;
}

export async function startBedrockEmulator(options: BedrockEmulatorOptions = {}): Promise<BedrockEmulator> {
  const now = options.now ?? Date.now;
  const script = new Script(options.responder);
  const cache = new PromptCache(now);

  async function invoke(req: WireRequest, res: WireResponse, rawBody: string, requestId: string) {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    const match = /^\/model\/([^/]+)\/invoke$/.exec(path);
    if (req.method !== 'POST' || !match) {
      throw new AwsFailure(404, 'UnknownOperationException', `No operation matches ${req.method} ${path}`);
    }
    if (!/^AWS4-HMAC-SHA256 Credential=/.test(req.headers.authorization ?? '')) {
      throw new AwsFailure(403, 'AccessDeniedException', 'Missing Authentication Token');
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody;
    }
    const modelId = decodeURIComponent(match[1] ?? '');
    const request: EmulatedRequest = {
      provider: 'bedrock',
      path,
      headers: flattenHeaders(req.headers),
      body,
      modelId,
      receivedAt: now(),
    };
    script.requests.push(request);
    const problem = bodyProblem(body);
    if (problem) throw problem;
    const scripted = await scriptedReply(script, request, {
      signal: loop.signal,
      strictAnswers: options.strictAnswers,
      failures,
    });
    const message = buildMessage('msg_bdrk_', modelId, body, scripted, cache);
    sendJson(
      res,
      200,
      {
        'x-amzn-requestid': requestId,
        'x-amzn-bedrock-invocation-latency': String(Math.max(1, now() - request.receivedAt)),
        'x-amzn-bedrock-input-token-count': String(message.usage.input_tokens),
        'x-amzn-bedrock-output-token-count': String(message.usage.output_tokens),
        'x-amzn-bedrock-cache-read-input-token-count': String(message.usage.cache_read_input_tokens),
        'x-amzn-bedrock-cache-write-input-token-count': String(message.usage.cache_creation_input_tokens),
      },
      message,
    );
  }

  const loop = await startLoopback(async (req, res, rawBody) => {
    const requestId = makeUuid();
    try {
      await invoke(req, res, rawBody, requestId);
    } catch (error) {
      if (loop.signal.aborted) return;
      const failure =
        error instanceof AwsFailure ? error : new AwsFailure(500, 'InternalServerException', String(error));
      // The real service appends a namespace after a colon; the SDK strips it, so callers must not parse this header.
      sendJson(
        res,
        failure.status,
        {
          ...failure.headers,
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': `${failure.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
        },
        { message: failure.message },
      );
    }
  });

  return emulatorOf(script, loop);
}
