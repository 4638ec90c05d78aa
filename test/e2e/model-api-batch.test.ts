import { runClassificationBatch } from '../../client';
import { connectClient } from '../../client';
import { apiHarness, type ApiHarness } from './model-api-support';

let harness: ApiHarness;
beforeAll(async () => {
  harness = await apiHarness('anthropic');
});
afterAll(async () => harness.close());

const messages = [
  "I've been charged twice this month, please refund the duplicate.",
  'Can I export my usage history to CSV?',
  'My internet has been really slow all week.',
  'Someone is using my account to make calls I never made.',
];

describe('Message Batches through a durable polling workflow', () => {
  it('submits 100 requests, polls to completion and maps every result back to its item', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({
      customId: `item-${String(i).padStart(3, '0')}`,
      conversation: [messages[i % messages.length]!],
    }));
    const connection = await connectClient(harness.config);
    try {
      const { workflowId, result } = await runClassificationBatch(
        connection.client,
        harness.config.TEMPORAL_TASK_QUEUE,
        {
          items,
          pollIntervalMs: 1_000,
        },
      );

      const answered = harness.emulator.requests.filter((request) => request.customId !== undefined);
      expect(answered.map((request) => request.customId).sort()).toEqual(items.map((i) => i.customId));
      // The wait is durable: status checks are activities separated by workflow timers, not a loop in an activity.
      const history = await connection.client.workflow.getHandle(workflowId).fetchHistory();
      const scheduled = (history.events ?? []).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
      expect(scheduled.filter((name) => name === 'submitClassificationBatch')).toHaveLength(1);
      expect(scheduled.filter((name) => name === 'modelBatchStatus').length).toBeGreaterThanOrEqual(2);
      expect((history.events ?? []).filter((e) => e.timerStartedEventAttributes).length).toBeGreaterThanOrEqual(1);

      expect(result.results.map((r) => r.customId)).toEqual(items.map((i) => i.customId));
      expect(result.results.every((r) => r.error === null)).toBe(true);
      const intents = result.results.map((r) => r.classification?.intent);
      expect(intents.slice(0, 4)).toEqual(['duplicate_charge', 'data_export', 'slow_internet', 'report_fraud']);
      expect(intents.slice(96)).toEqual(intents.slice(0, 4));

      // Batch price: half of the $1/$5 per MTok list price, the cached prefix at 1.25x written and 0.1x read.
      for (const { call } of result.results) {
        const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens } = call!.usage;
        const input = inputTokens + cacheWriteTokens * 1.25 + cacheReadTokens * 0.1;
        expect(call!.costUsd).toBeCloseTo((input * 1 + outputTokens * 5) / 2e6, 12);
      }
      expect(result.costUsd).toBeCloseTo(
        result.results.reduce((sum, r) => sum + r.call!.costUsd, 0),
        12,
      );
      const rows = await harness.pool.query('SELECT count(*)::int AS n FROM model_calls WHERE workflow_id = $1', [
        workflowId,
      ]);
      expect(rows.rows[0].n).toBe(100);
    } finally {
      await connection.close();
    }
  }, 60_000);
});
