import { taskOf } from '../../tooling/emulators/offline-responder';
import { uniqueTicketId } from './support';
import { apiHarness, roamingTicket, type ApiHarness } from './model-api-support';

let harness: ApiHarness;
beforeAll(async () => {
  // A short SDK timeout so the slow-reply case is quick; the activity timeout stays longer, as config requires.
  harness = await apiHarness('anthropic', { MODEL_REQUEST_TIMEOUT: '2s', MODEL_CALL_TIMEOUT: '4s' });
});
afterAll(async () => harness.close());

async function run(prefix: string) {
  const ticketId = uniqueTicketId(prefix);
  const before = harness.emulator.requests.length;
  await harness.tickets.start(roamingTicket(ticketId));
  const result = await harness.tickets.result(ticketId);
  const requests = harness.emulator.requests.slice(before);
  const classify = requests.filter((r) => taskOf(r.body) === 'classify_intent');
  const draft = requests.filter((r) => taskOf(r.body) === 'draft_reply');
  return { result, classify, draft };
}

describe('model API failures map onto Temporal retries', () => {
  it('waits for retry-after before retrying a 429, then succeeds', async () => {
    harness.scriptTask('classify_intent', {
      kind: 'error',
      status: 429,
      errorType: 'rate_limit_error',
      headers: { 'retry-after': '2' },
    });
    const { result, classify } = await run('R429');
    expect(result.route).toBe('send');
    expect(classify).toHaveLength(2);
    // The policy's own first retry is 1s: only the server's retry-after explains a gap of 2s or more.
    expect(classify[1]!.receivedAt - classify[0]!.receivedAt).toBeGreaterThanOrEqual(2_000);
  }, 30_000);

  it('rides out five 529 overloaded replies within the retry policy', async () => {
    const overloaded = { kind: 'error' as const, status: 529, errorType: 'overloaded_error' };
    harness.scriptTask('classify_intent', overloaded, overloaded, overloaded, overloaded, overloaded);
    const { result, classify } = await run('R529');
    expect(classify).toHaveLength(6);
    expect(result.route).toBe('send');
  }, 60_000);

  it('does not retry a 400: one request, and the ticket goes to a person', async () => {
    harness.scriptTask('classify_intent', { kind: 'error', status: 400, errorType: 'invalid_request_error' });
    const { result, classify, draft } = await run('R400');
    expect(classify).toHaveLength(1);
    expect(draft).toHaveLength(0);
    expect(result.outcome).toBe('escalated');
    expect(result.routeReasons.join(' ')).toMatch(/rejected the request/);
  });

  it('repairs invalid tool JSON once, then routes to a human when it stays invalid', async () => {
    harness.scriptTask(
      'draft_reply',
      { kind: 'reply', rawToolInput: '{"reply": "Hi' },
      { kind: 'reply', rawToolInput: 'nope' },
    );
    const { result, draft } = await run('RJSON');
    expect(draft).toHaveLength(2);
    expect(JSON.stringify(draft[1]!.body.messages)).toMatch(/That answer was rejected: invalid JSON/);
    expect(result.outcome).toBe('escalated');
    expect(result.routeReasons.join(' ')).toMatch(/model output invalid after one repair/);
  });

  it('accepts a repaired answer and records that it was repaired', async () => {
    harness.scriptTask('draft_reply', { kind: 'reply', rawToolInput: 'not json' });
    const { result, draft } = await run('RFIX');
    expect(draft).toHaveLength(2);
    expect(result.route).toBe('send');
    expect(result.modelCalls.find((call) => call.task === 'draft_reply')?.repaired).toBe(true);
  });

  it('retries a reply slower than the timeout', async () => {
    harness.scriptTask('classify_intent', { kind: 'reply', delayMs: 6_000, toolInput: {} });
    const { result, classify } = await run('RSLOW');
    expect(classify).toHaveLength(2);
    expect(result.route).toBe('send');
  }, 30_000);
});
