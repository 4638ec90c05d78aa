import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import {
  AccessDeniedException,
  InternalServerException,
  InvokeModelCommand,
  ModelNotReadyException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { startBedrockEmulator, type BedrockEmulator } from '../../../tooling/emulators';
import { bedrockClientFor, caught } from '../../../tooling/emulators/sdk-clients';

const MODEL_ID = 'au.anthropic.claude-haiku-4-5-20251001-v1:0';
const body = {
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 256,
  system: [{ type: 'text', text: 'Classify telecom tickets.' }],
  tools: [{ name: 'classify', input_schema: { type: 'object', properties: { intent: { type: 'string' } } } }],
  tool_choice: { type: 'tool', name: 'classify' },
  messages: [{ role: 'user', content: 'My bill is wrong' }],
};

/** A failed SDK call's error: the SDK's exception, with the HTTP status it saw. */
type SdkError = Error & { $metadata: { httpStatusCode?: number } };

describe('Bedrock emulator with the real SDK', () => {
  let emulator: BedrockEmulator;
  let client: BedrockRuntimeClient;
  const invoke = (payload: object = body) =>
    client.send(
      new InvokeModelCommand({
        modelId: MODEL_ID,
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify(payload),
      }),
    );

  beforeEach(async () => {
    emulator = await startBedrockEmulator();
    client = bedrockClientFor(emulator.url);
  });
  afterEach(async () => {
    client.destroy();
    await emulator.close();
  });

  it('returns the Anthropic Message body for an inference profile id, with request id and token headers', async () => {
    emulator.setResponder(() => ({ kind: 'reply', toolInput: { intent: 'billing' } }));
    const response = await invoke();
    const message = JSON.parse(new TextDecoder().decode(response.body));
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: MODEL_ID,
      stop_reason: 'tool_use',
      stop_sequence: null,
      content: [{ type: 'tool_use', name: 'classify', input: { intent: 'billing' } }],
    });
    expect(message.id).toMatch(/^msg_bdrk_/);
    expect(message.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(response.contentType).toBe('application/json');
    expect(response.$metadata).toMatchObject({
      httpStatusCode: 200,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(emulator.requests[0]).toMatchObject({ provider: 'bedrock', modelId: MODEL_ID, body });
    expect(emulator.requests[0]?.path).toBe(`/model/${encodeURIComponent(MODEL_ID)}/invoke`);
  });

  it('reports token counts in the x-amzn-bedrock headers', async () => {
    const response = await fetch(`${emulator.url}/model/${encodeURIComponent(MODEL_ID)}/invoke`, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20250101/ap-southeast-2/bedrock/aws4_request' },
      body: JSON.stringify(body),
    });
    const message = (await response.json()) as { usage: { input_tokens: number; output_tokens: number } };
    expect(response.headers.get('x-amzn-bedrock-input-token-count')).toBe(String(message.usage.input_tokens));
    expect(response.headers.get('x-amzn-bedrock-output-token-count')).toBe(String(message.usage.output_tokens));
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
  });

  it('surfaces ThrottlingException with its name, status 429 and the request id', async () => {
    emulator.enqueue({ kind: 'error', status: 429, errorType: 'ThrottlingException', message: 'Too many requests' });
    const error = await caught<SdkError>(invoke());
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Too many requests');
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(error.$metadata).toMatchObject({ requestId: expect.any(String) });
  });

  it.each([
    ['ServiceUnavailableException', 503, ServiceUnavailableException],
    ['ModelTimeoutException', 408, ModelTimeoutException],
    ['InternalServerException', 500, InternalServerException],
    ['ValidationException', 400, ValidationException],
    ['AccessDeniedException', 403, AccessDeniedException],
    ['ResourceNotFoundException', 404, ResourceNotFoundException],
    ['ModelNotReadyException', 429, ModelNotReadyException],
  ] as const)('surfaces %s as a typed exception with status %d', async (errorType, status, ExceptionClass) => {
    emulator.enqueue({ kind: 'error', status, errorType });
    const error = await caught<SdkError>(invoke());
    expect(error).toBeInstanceOf(ExceptionClass);
    expect(error.name).toBe(errorType);
    expect(error.$metadata.httpStatusCode).toBe(status);
  });

  it('rejects a body carrying `model` or missing anthropic_version, as Bedrock does', async () => {
    const withModel = await caught<SdkError>(invoke({ ...body, model: 'claude-haiku-4-5' }));
    expect(withModel).toBeInstanceOf(ValidationException);
    expect(withModel.message).toContain('extraneous key [model]');
    const { anthropic_version: _dropped, ...unversioned } = body;
    const missing = await caught<SdkError>(invoke(unversioned));
    expect(missing).toBeInstanceOf(ValidationException);
    expect(missing.message).toContain('required key [anthropic_version]');
  });

  it('serves a slow reply without blocking others over HTTP/2, and closes with it in flight', async () => {
    emulator.enqueue({ kind: 'reply', toolInput: { intent: 'slow' }, delayMs: 30_000 });
    const slow = caught<SdkError>(invoke());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await invoke()).$metadata.httpStatusCode).toBe(200);
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await slow).toBeInstanceOf(Error);
  });

  it('caches a long marked system prompt across invocations', async () => {
    const system = [{ type: 'text', text: 'Tariff rule. '.repeat(1400), cache_control: { type: 'ephemeral' } }];
    const usageOf = async () => JSON.parse(new TextDecoder().decode((await invoke({ ...body, system })).body)).usage;
    const first = await usageOf();
    const second = await usageOf();
    expect(first.cache_creation_input_tokens).toBeGreaterThanOrEqual(4096);
    expect(second).toMatchObject({
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: first.cache_creation_input_tokens,
    });
  });
});
