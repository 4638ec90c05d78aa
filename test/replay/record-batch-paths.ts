import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelCallRecord } from '../../domain/model-call';
import { temporalHarness } from '../support/temporal';
import { parseSingleArgument, runScript } from '../../client/cli/script-args';

/**
 * `npx tsx test/replay/record-batch-paths.ts [suffix]` (with TEMPORAL_ADDRESS and WORKFLOW_BUNDLE_PATH of a running
 * stack): records the daily fraud sweep (sync mode, and batch mode where the code has it, each across
 * continue-as-new) and a batch classification on the current workflow code, with stub activities, into
 * test/replay/batch-histories. fraud-batch-replay.test.ts replays them, so a change to the sweep or to the batch
 * polling loop is proved safe for runs already going. Run `npx prettier --write test/replay/batch-histories` after
 * recording: unlike histories/, the folder is not ignored.
 */
const dir = join(__dirname, 'batch-histories');

const call: ModelCallRecord = {
  task: 'summarise_fraud',
  provider: 'stub',
  modelId: 'claude-haiku-4-5-20251001',
  promptId: 'summarise-fraud',
  promptVersion: 'v1',
  requestId: 'req_1',
  usage: { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0 },
  costUsd: 0.00075,
  latencyMs: 0,
  stopReason: 'tool_use',
  repaired: false,
};

async function main(suffix: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const harness = await temporalHarness();
  const flagged = ['101', '102', '103'];
  let polls = 0;
  const worker = await harness.worker({
    async detectFraud() {
      return { scanned: 2000, flagged: flagged.length };
    },
    async nextFraudBatch({ after, limit }: { after: string; limit: number }) {
      return { accountIds: flagged.filter((id) => Number(id) > Number(after)).slice(0, limit) };
    },
    async summariseFraudBatch({ accountIds }: { accountIds: string[] }) {
      return { queued: accountIds.length, skipped: 0, unverified: 0, costUsd: 0.0015 * accountIds.length };
    },
    async submitFraudSummaryBatch({ accountIds }: { accountIds: string[] }) {
      return { batchId: 'msgbatch_fraud_recorded', submitted: accountIds.length };
    },
    async queueFraudSummaryBatch({ accountIds }: { accountIds: string[] }) {
      return { queued: accountIds.length, unverified: 0, costUsd: 0.00075 * accountIds.length, resummarised: 0 };
    },
    async submitClassificationBatch() {
      return { batchId: 'msgbatch_recorded' };
    },
    async modelBatchStatus() {
      polls += 1;
      const ended = polls % 2 === 0;
      return { ended, counts: { processing: ended ? 0 : 2 } };
    },
    async fetchClassificationBatch() {
      return {
        results: ['b', 'a'].map((customId) => ({
          customId,
          classification: null,
          error: 'recorded without a classification',
          call: { ...call, task: 'classify_intent' },
        })),
      };
    },
  });
  const save = async (name: string, workflowId: string, runId?: string) => {
    const history = await harness.client.workflow.getHandle(workflowId, runId).fetchHistory();
    writeFileSync(join(dir, `${name}${suffix}.json`), historyToJSON(history));
    console.log(`recorded ${name}${suffix}`);
  };
  try {
    await worker.runUntil(async () => {
      const sweepId = `replay-fraud-sweep-${Date.now()}`;
      const sweep = await harness.client.workflow.start('dailyFraudSweep', {
        taskQueue: harness.taskQueue,
        workflowId: sweepId,
        args: [{ sweepDate: '2026-11-21', batchSize: 1, batchesPerRun: 2 }],
      });
      await sweep.result();
      await save('dailyFraudSweep-sync-first-run', sweepId, sweep.firstExecutionRunId);
      await save('dailyFraudSweep-sync-last-run', sweepId);

      // Batch mode: code from before it ignores summaryMode and sweeps synchronously, so nothing is saved then.
      const batchSweepId = `replay-fraud-sweep-batch-${Date.now()}`;
      const batchSweep = await harness.client.workflow.start('dailyFraudSweep', {
        taskQueue: harness.taskQueue,
        workflowId: batchSweepId,
        args: [
          { sweepDate: '2026-11-21', batchSize: 1, batchesPerRun: 2, summaryMode: 'batch', batchPollIntervalMs: 1_000 },
        ],
      });
      await batchSweep.result();
      const events = (await batchSweep.fetchHistory()).events ?? [];
      const scheduled = events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
      if (scheduled.includes('submitFraudSummaryBatch')) {
        await save('dailyFraudSweep-batch-first-run', batchSweepId, batchSweep.firstExecutionRunId);
        await save('dailyFraudSweep-batch-last-run', batchSweepId);
      } else console.log('this workflow code has no batch mode: no batch sweep recorded');

      const batchId = `replay-classify-batch-${Date.now()}`;
      const batch = await harness.client.workflow.start('classifyInBatch', {
        taskQueue: harness.taskQueue,
        workflowId: batchId,
        args: [
          {
            items: [
              { customId: 'a', conversation: ['My internet is slow.'] },
              { customId: 'b', conversation: ['I was charged twice.'] },
            ],
            pollIntervalMs: 1_000,
          },
        ],
      });
      await batch.result();
      await save('classifyInBatch', batchId);
    });
  } finally {
    await harness.close();
  }
}

/** `[suffix]`: appended to each history's file name, so a recording beside the committed ones replaces none. */
export function parseRecordBatchOptions(argv: string[]): Promise<string> {
  return parseSingleArgument(argv, {
    usage: 'npx tsx test/replay/record-batch-paths.ts',
    description: 'Record the fraud sweep (sync and batch) and a batch classification into test/replay/batch-histories',
    argument: '[suffix]',
    help: "appended to each history's file name",
    defaultValue: '',
  });
}

if (require.main === module)
  runScript(async () => main(await parseRecordBatchOptions(process.argv.slice(2))), { stack: true });
