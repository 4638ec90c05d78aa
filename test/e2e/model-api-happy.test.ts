import { uniqueTicketId } from './support';
import { apiHarness, roamingTicket, type ApiHarness, type ApiProvider } from './model-api-support';

describe.each<ApiProvider>(['anthropic', 'bedrock'])('%s provider against its emulator', (provider) => {
  let harness: ApiHarness;
  beforeAll(async () => {
    harness = await apiHarness(provider);
  });
  afterAll(async () => harness.close());

  it('parses the forced tool call and prices the usage exactly', async () => {
    const ticketId = uniqueTicketId(`HAPPY-${provider}`);
    await harness.tickets.start(roamingTicket(ticketId));
    const result = await harness.tickets.result(ticketId);
    expect(result.route).toBe('send');
    expect(result.intent).toBe('roaming_charge_query');

    const requests = harness.requestsFor('classify_intent');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body.tool_choice).toEqual({ type: 'tool', name: 'classify_intent' });
    expect(requests[0]!.body.system[0].cache_control).toEqual({ type: 'ephemeral' });
    const expectedModel =
      provider === 'anthropic' ? 'claude-haiku-4-5-20251001' : 'au.anthropic.claude-haiku-4-5-20251001-v1:0';
    expect(requests[0]!.modelId).toBe(expectedModel);

    for (const call of result.modelCalls) {
      expect(call.provider).toBe(provider);
      expect(call.requestId).not.toBe('unknown');
      const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens } = call.usage;
      expect(inputTokens).toBeGreaterThan(0);
      // Haiku 4.5 by hand: $1/MTok in, $5/MTok out, cache reads 0.1x, 5-minute writes 1.25x.
      const byHand = (inputTokens + 0.1 * cacheReadTokens + 1.25 * cacheWriteTokens + 5 * outputTokens) / 1_000_000;
      expect(call.costUsd).toBeCloseTo(byHand, 12);
    }
    expect(result.costUsd).toBeCloseTo(
      result.modelCalls.reduce((sum, call) => sum + call.costUsd, 0),
      12,
    );
    const rows = await harness.pool.query('SELECT provider, request_id FROM model_calls WHERE workflow_id = $1', [
      `ticket-${ticketId}`,
    ]);
    expect(rows.rows.map((row) => row.provider)).toEqual([provider, provider]);
  });
});
