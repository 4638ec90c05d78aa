import Anthropic from '@anthropic-ai/sdk';
import { startAnthropicEmulator, type AnthropicEmulator } from '../../../tooling/emulators';
import { anthropicClientFor, caught } from '../../../tooling/emulators/sdk-clients';

const MODEL = 'claude-haiku-4-5-20251001';
const tool = {
  name: 'classify',
  description: 'Classify the ticket',
  input_schema: { type: 'object' as const, properties: { intent: { type: 'string' } }, required: ['intent'] },
};
const forced = {
  model: MODEL,
  max_tokens: 256,
  tools: [tool],
  tool_choice: { type: 'tool' as const, name: 'classify' },
  messages: [{ role: 'user' as const, content: 'My bill is wrong' }],
};

describe('Anthropic emulator with the real SDK', () => {
  let emulator: AnthropicEmulator;
  let client: Anthropic;

  beforeEach(async () => {
    emulator = await startAnthropicEmulator();
    client = anthropicClientFor(emulator.url);
  });
  afterEach(() => emulator.close());

  it('round-trips a forced tool_use with usage and a request id', async () => {
    emulator.setResponder(() => ({ kind: 'reply', toolInput: { intent: 'billing' } }));
    const data = await client.messages.create(forced);
    expect(data).toMatchObject({ type: 'message', role: 'assistant', model: MODEL, stop_reason: 'tool_use' });
    expect(data.content).toEqual([
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'classify', input: { intent: 'billing' } },
    ]);
    expect(data.id).toMatch(/^msg_/);
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(data.usage.output_tokens).toBeGreaterThan(0);
    expect(data._request_id).toMatch(/^req_/);
    const { request_id, response } = await client.messages.create(forced).withResponse();
    expect(request_id).toMatch(/^req_/);
    expect(request_id).not.toBe(data._request_id);
    expect(response.headers.get('request-id')).toBe(request_id);
    expect(emulator.requests).toHaveLength(2);
    expect(emulator.requests[0]).toMatchObject({
      provider: 'anthropic',
      modelId: MODEL,
      headers: { authorization: 'Bearer test' },
    });
  });

  it('creates then reads the cache for a long marked system prompt, and never caches a short one', async () => {
    const long = 'Policy clause. '.repeat(1200); // ~18k chars, ~4.5k estimated tokens
    const ask = (text: string) =>
      client.messages.create({ ...forced, system: [{ type: 'text', text, cache_control: { type: 'ephemeral' } }] });
    const first = await ask(long);
    const second = await ask(long);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThanOrEqual(4096);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.input_tokens).toBe(first.usage.input_tokens);
    expect(second.usage.input_tokens).toBeLessThan(100);

    const short = await ask('Be brief.');
    const shortAgain = await ask('Be brief.');
    for (const usage of [short.usage, shortAgain.usage]) {
      expect(usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    }
  });

  it('applies each model its own minimum: 1,500 tokens cache on Sonnet 4.5 (1,024) but not on Haiku 4.5 (4,096)', async () => {
    const system = [
      { type: 'text' as const, text: 'Policy clause. '.repeat(400), cache_control: { type: 'ephemeral' as const } },
    ];
    const usage = async (model: string) => (await client.messages.create({ ...forced, model, system })).usage;
    expect(await usage(MODEL)).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    const sonnet = 'claude-sonnet-4-5-20250929';
    // The forced tool is part of the prefix (tools come before system), so the write is a little over 1,500.
    const written = (await usage(sonnet)).cache_creation_input_tokens!;
    expect(written).toBeGreaterThanOrEqual(1500);
    expect(await usage(sonnet)).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: written });
  });

  it('lets the cache entry lapse after five idle minutes', async () => {
    let clock = 1_000_000;
    const timed = await startAnthropicEmulator({ now: () => clock });
    const timedClient = anthropicClientFor(timed.url);
    const system = [
      { type: 'text' as const, text: 'Policy clause. '.repeat(1200), cache_control: { type: 'ephemeral' as const } },
    ];
    const usage = async () => (await timedClient.messages.create({ ...forced, system })).usage;
    try {
      expect((await usage()).cache_creation_input_tokens).toBeGreaterThan(0);
      clock += 4 * 60_000;
      expect((await usage()).cache_read_input_tokens).toBeGreaterThan(0);
      clock += 4 * 60_000; // a hit refreshed the TTL, so eight minutes after creation it is still warm
      expect((await usage()).cache_read_input_tokens).toBeGreaterThan(0);
      clock += 5 * 60_000 + 1;
      expect((await usage()).cache_creation_input_tokens).toBeGreaterThan(0);
    } finally {
      await timed.close();
    }
  });

  it('surfaces a 429 as RateLimitError with retry-after and the request id', async () => {
    emulator.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '2', 'retry-after-ms': '2000' } });
    const error = await caught(client.messages.create(forced));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const rateLimited = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.headers.get('retry-after')).toBe('2');
    expect(rateLimited.headers.get('retry-after-ms')).toBe('2000');
    expect(rateLimited.requestID).toMatch(/^req_/);
    expect(rateLimited.error).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
      request_id: rateLimited.requestID,
    });
  });

  it('surfaces 529 as an overloaded server error', async () => {
    emulator.enqueue({ kind: 'error', status: 529 });
    const error = await caught(client.messages.create(forced));
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect(error).toMatchObject({ status: 529, type: 'overloaded_error' });
  });

  it('rejects malformed requests and missing keys like the real API', async () => {
    const { max_tokens: _dropped, ...noMaxTokens } = forced;
    const error = await caught(client.messages.create(noMaxTokens as typeof forced));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      apiMessage: 'max_tokens: Field required',
    });

    const anonymous = await fetch(`${emulator.url}/v1/messages`, { method: 'POST', body: JSON.stringify(forced) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  });

  it('sends invalid output as text and truncates at max_tokens', async () => {
    emulator.enqueue(
      { kind: 'reply', rawToolInput: '{"intent": "bill' },
      { kind: 'reply', toolInput: { intent: 'billing', reason: 'x' }, stopReason: 'max_tokens' },
    );
    const raw = await client.messages.create(forced);
    expect(raw.content).toEqual([{ type: 'text', text: '{"intent": "bill' }]);
    expect(raw.stop_reason).toBe('end_turn');
    const cut = await client.messages.create(forced);
    expect(cut.stop_reason).toBe('max_tokens');
    expect(cut.content[0]).toMatchObject({ type: 'tool_use', input: {} });
  });

  it('answers structured-output requests (output_config json_schema) with JSON text', async () => {
    const { tools: _tools, tool_choice: _choice, ...plain } = forced;
    // Structured outputs are always strict, so the schema must be closed, as the API requires.
    const schema = {
      type: 'object',
      properties: { intent: { type: 'string' } },
      additionalProperties: false,
      title: 'classify_intent',
    };
    const params = { ...plain, output_config: { format: { type: 'json_schema' as const, schema } } };
    emulator.enqueue(
      { kind: 'reply', toolInput: { intent: 'billing' } },
      { kind: 'reply', toolInput: { intent: 'billing' }, stopReason: 'max_tokens' },
    );
    const whole = await client.messages.create(params);
    expect(whole).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text', text: '{"intent":"billing"}' }] });
    const cut = await client.messages.create(params);
    expect(cut.stop_reason).toBe('max_tokens');
    const text = cut.content[0]?.type === 'text' ? cut.content[0].text : '';
    expect('{"intent":"billing"}'.startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('serves a slow reply without blocking others, and closes with it in flight', async () => {
    emulator.enqueue({ kind: 'reply', toolInput: { intent: 'slow' }, delayMs: 30_000 });
    const slow = caught(client.messages.create(forced));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = await client.messages.create(forced);
    expect(fast.content[0]).toMatchObject({ input: {} });
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await slow).toBeInstanceOf(Anthropic.APIConnectionError);
  });

  it('runs a batch of five: created, polled, ended, results matched by custom_id', async () => {
    emulator.setResponder((request) =>
      request.customId === 'ticket-3'
        ? { kind: 'error', status: 400, message: 'bad item' }
        : { kind: 'reply', toolInput: { intent: `for-${request.customId}` } },
    );
    const ids = ['ticket-0', 'ticket-1', 'ticket-2', 'ticket-3', 'ticket-4'];
    const created = await client.messages.batches.create({
      requests: ids.map((custom_id) => ({ custom_id, params: forced })),
    });
    expect(created).toMatchObject({ type: 'message_batch', processing_status: 'in_progress', results_url: null });
    expect(created.id).toMatch(/^msgbatch_/);
    expect(created.request_counts).toEqual({ processing: 5, succeeded: 0, errored: 0, canceled: 0, expired: 0 });

    expect((await client.messages.batches.retrieve(created.id)).processing_status).toBe('in_progress');
    const ended = await client.messages.batches.retrieve(created.id);
    expect(ended.processing_status).toBe('ended');
    expect(ended.request_counts).toEqual({ processing: 0, succeeded: 4, errored: 1, canceled: 0, expired: 0 });
    expect(ended.results_url).toBe(`${emulator.url}/v1/messages/batches/${created.id}/results`);
    expect(ended.ended_at).not.toBeNull();

    const order: string[] = [];
    const byId = new Map<string, unknown>();
    for await (const line of await client.messages.batches.results(created.id)) {
      order.push(line.custom_id);
      byId.set(line.custom_id, line.result);
    }
    expect([...order].sort()).toEqual(ids);
    expect(order).not.toEqual(ids);
    expect(byId.get('ticket-2')).toMatchObject({
      type: 'succeeded',
      message: { content: [{ input: { intent: 'for-ticket-2' } }] },
    });
    expect(byId.get('ticket-3')).toMatchObject({
      type: 'errored',
      error: { type: 'error', error: { type: 'invalid_request_error', message: 'bad item' } },
    });
    expect(emulator.requests.filter((request) => request.customId !== undefined)).toHaveLength(5);
  });
});
