import { signedAgentDecision } from './signing';
import { startTicket, waitForTicket } from './support';
import { apiHarness } from './model-api-support';
import { chatTicket } from '../support/chat-ticket';
import { sharedForFile } from '../support/shared-for-file';

const harness = sharedForFile(() =>
  apiHarness('anthropic', { TICKET_STRONG_MODEL_ON: 'low_confidence', TICKET_STRONG_MODEL_BELOW: '0.85' }),
);

describe('tiering to the strong model', () => {
  it('asks the strong model exactly once after a low-confidence fast draft, and records both calls', async () => {
    const message = 'My bill is too high and my internet is slow.';
    const ticketId = await startTicket(harness.tickets, 'TIER', chatTicket('ACC-1006', message));
    await waitForTicket(harness.tickets, ticketId, (status) => status.stage === 'awaiting_agent', 'review');
    const verdict = { decision: 'approve' as const, reason: 'read the draft' };
    const signed = await signedAgentDecision(harness.pool, harness.tickets, ticketId, 'agent-9', verdict);
    await harness.tickets.sendAgentDecision(ticketId, signed);
    const result = await harness.tickets.result(ticketId);

    const drafts = harness.requestsFor('draft_reply');
    expect(drafts.map((request) => request.modelId)).toEqual(['claude-haiku-4-5-20251001', 'claude-sonnet-5-5']);
    expect(result.modelCalls.map((call) => [call.task, call.modelId])).toEqual([
      ['classify_intent', 'claude-haiku-4-5-20251001'],
      ['draft_reply', 'claude-haiku-4-5-20251001'],
      ['draft_reply', 'claude-sonnet-5-5'],
    ]);
    // Sonnet 5.5's price ($2/$10; cache writes 1.25x and reads 0.1x of input) applies to the strong call, asked
    // through structured outputs, not a forced tool. Its prefix is long enough to be cached: the first one writes.
    const strong = result.modelCalls[2]!;
    const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens } = strong.usage;
    expect(cacheWriteTokens + cacheReadTokens).toBeGreaterThan(4096);
    const input = inputTokens + 1.25 * cacheWriteTokens + 0.1 * cacheReadTokens;
    expect(strong.costUsd).toBeCloseTo((2 * input + 10 * outputTokens) / 1e6, 12);
    expect(drafts[1]!.body.tool_choice).toBeUndefined();
    expect(drafts[1]!.body.temperature).toBeUndefined();
    expect(drafts[1]!.body.output_config.format.type).toBe('json_schema');
    const rows = await harness.pool.query('SELECT model_id FROM model_calls WHERE workflow_id = $1 ORDER BY id', [
      `ticket-${ticketId}`,
    ]);
    expect(rows.rows.map((row) => row.model_id)).toEqual(result.modelCalls.map((call) => call.modelId));
  });

  it('does not ask the strong model when the fast draft is confident', async () => {
    const before = harness.requestsFor('draft_reply').length;
    const ticketId = await startTicket(harness.tickets, 'TIERNO', {
      accountId: 'ACC-1003',
      channel: 'email',
      message: 'Can I export my usage history to CSV?',
    });
    const result = await harness.tickets.result(ticketId);
    expect(harness.requestsFor('draft_reply').length - before).toBe(1);
    expect(result.route).toBe('send');
  });
});
