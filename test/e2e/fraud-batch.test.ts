import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { connectClient, createFraudClient } from '../../client';
import { startAnthropicEmulator, type AnthropicEmulator } from '../../tooling/emulators';
import { createOfflineResponder } from '../../tooling/emulators/offline-responder';
import type { Scripted } from '../../tooling/emulators/script';
import type { dailyFraudSweep } from '../../workflows';
import { fraudSweepSettings } from '../../workers/schedules';
import { e2eConfig, e2eHarness, workerProcess } from './support';

/**
 * The sweep's batch mode against the sync mode, through the real Anthropic SDK and the API emulator. The flags are
 * this file's own, on a date of their own that detection finds nothing on, so the test neither needs nor disturbs the
 * generated population that test/e2e/fraud.test.ts loads and reloads; it runs again on a reused stack.
 */
const date = `19${String(10 + Math.floor(Math.random() * 89))}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 10)}`;
const firstAccount = 7_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
const flags: Array<{ patterns: string[]; evidence: Record<string, Record<string, unknown>>; planType: string }> = [
  {
    patterns: ['roaming_spree'],
    evidence: { roaming_spree: { countries: 9, roaming_mb: 4210.5, window_days: 14, plan_type: 'domestic' } },
    planType: 'domestic',
  },
  {
    patterns: ['sim_swap'],
    evidence: { sim_swap: { calls_after_sim_change: 14, window_hours: 48, charged: 212.4 } },
    planType: 'postpaid',
  },
  {
    patterns: ['usage_spike'],
    evidence: { usage_spike: { peak_daily_mb: 18_400, median_daily_mb: 350 } },
    planType: 'postpaid',
  },
  {
    patterns: ['subscription_mismatch', 'irsf'],
    evidence: {
      subscription_mismatch: { international_minutes: 412, international_calls: 57, plan_type: 'domestic' },
      irsf: { premium_international_calls: 6, charged: 388.2 },
    },
    planType: 'domestic',
  },
  {
    patterns: ['slow_bleed'],
    evidence: { slow_bleed: { micro_charges: 23, vendors: 4, total: 68.77 } },
    planType: 'prepaid',
  },
  {
    patterns: ['irsf'],
    evidence: { irsf: { premium_international_calls: 11, charged: 902.1 } },
    planType: 'international',
  },
];
const accountIds = flags.map((_, i) => String(firstAccount + i));
/** The first account's summary (in both modes) quotes figures the evidence does not hold. */
const invented: Scripted = {
  kind: 'reply',
  toolInput: {
    narrative: 'Losses of $9,999 across 77 countries.',
    riskLevel: 'high',
    recommendedActions: ['escalate_to_fraud_team'],
  },
};

let pool: Pool;
beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through the jest e2e project');
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  await pool.query('DELETE FROM fraud_review_queue WHERE sweep_date = $1', [date]);
  await pool.query('DELETE FROM fraud_sweep_flags WHERE sweep_date = $1', [date]);
  await pool.query(
    `INSERT INTO fraud_sweep_flags (sweep_date, account_id, patterns, evidence, plan_type)
     SELECT $1, f.account_id, f.patterns, f.evidence, f.plan_type
       FROM jsonb_to_recordset($2::jsonb) AS f(account_id bigint, patterns text[], evidence jsonb, plan_type text)`,
    [
      date,
      JSON.stringify(
        flags.map((flag, i) => ({
          account_id: accountIds[i],
          patterns: flag.patterns,
          evidence: flag.evidence,
          plan_type: flag.planType,
        })),
      ),
    ],
  );
});
afterAll(async () => {
  await pool.query('DELETE FROM fraud_review_queue WHERE sweep_date = $1', [date]);
  await pool.query('DELETE FROM fraud_sweep_flags WHERE sweep_date = $1', [date]);
  await pool.end();
});

/** A fresh emulator per mode: each starts with a cold prompt cache, so both modes are charged the same tokens. */
async function emulator(batchPollsUntilDone?: number, first: Scripted = invented): Promise<AnthropicEmulator> {
  const offline = createOfflineResponder();
  const started = await startAnthropicEmulator({ responder: offline, batchPollsUntilDone });
  started.enqueue(first);
  return started;
}

const anthropicEnv = (emulated: AnthropicEmulator) => ({
  MODEL_PROVIDER: 'anthropic',
  ANTHROPIC_API_KEY: 'test-key',
  ANTHROPIC_BASE_URL: emulated.url,
  TICKET_THRESHOLDS: 'manual',
});

interface QueueRow {
  account_id: string;
  patterns: string[];
  evidence: unknown;
  narrative: string;
  risk_level: string;
  recommended_actions: string[];
  verified: boolean;
  unverified_figures: string[];
  model_id: string;
  cost_usd: string;
}

async function queue(): Promise<QueueRow[]> {
  const { rows } = await pool.query<QueueRow>(
    `SELECT account_id::text, patterns, evidence, narrative, risk_level, recommended_actions, verified,
            unverified_figures, model_id, cost_usd::text
       FROM fraud_review_queue WHERE sweep_date = $1 ORDER BY account_id`,
    [date],
  );
  return rows;
}

async function summaryCalls(workflowId: string) {
  const { rows } = await pool.query<{ cost: number; input: number; output: number }>(
    `SELECT cost_usd::float8 AS cost, input_tokens + cache_read_tokens + cache_write_tokens AS input,
            output_tokens AS output
       FROM model_calls WHERE workflow_id = $1 AND task = 'summarise_fraud' ORDER BY id`,
    [workflowId],
  );
  return rows;
}

const exitOf = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

describe('the daily fraud sweep in batch mode (real workers, Anthropic SDK, API emulator)', () => {
  it('queues what sync mode queues at half the cost per summary, across a worker restart during the wait', async () => {
    // Sync mode first: the rows and costs batch mode must match.
    const syncModel = await emulator();
    const syncHarness = await e2eHarness({ env: anthropicEnv(syncModel) });
    let syncWorkflowId = '';
    try {
      const { client, close } = await connectClient(syncHarness.config);
      try {
        const sweeps = createFraudClient({ client, taskQueue: syncHarness.config.TEMPORAL_TASK_QUEUE });
        syncWorkflowId = (await sweeps.startSweep(date)).workflowId;
        const progress = await sweeps.result(syncWorkflowId);
        expect(progress).toMatchObject({ summarised: flags.length, queued: flags.length, unverified: 1 });
      } finally {
        await close();
      }
      expect(syncModel.requests.filter((r) => r.customId !== undefined)).toEqual([]);
    } finally {
      await syncHarness.close();
      await syncModel.close();
    }
    const syncRows = await queue();
    expect(syncRows.map((row) => row.account_id)).toEqual(accountIds);
    expect(syncRows.filter((row) => !row.verified)).toEqual([
      expect.objectContaining({ account_id: accountIds[0], unverified_figures: ['$9,999', '77'] }),
    ]);
    const syncCalls = await summaryCalls(syncWorkflowId);
    expect(syncCalls).toHaveLength(flags.length);
    await pool.query('DELETE FROM fraud_review_queue WHERE sweep_date = $1', [date]);

    // Batch mode, with the settings as the worker's config turns them into the scheduled sweep's input.
    const settings = fraudSweepSettings(e2eConfig({ FRAUD_SUMMARY_MODE: 'batch', FRAUD_BATCH_POLL_INTERVAL: '3s' }));
    expect(settings).toEqual({ summaryMode: 'batch', batchPollIntervalMs: 3_000 });
    // Four status checks (three timers) before the batch ends: the first worker is killed in the first timer.
    const batchModel = await emulator(4);
    const config = e2eConfig(anthropicEnv(batchModel));
    const spawnWorker = workerProcess(config, anthropicEnv(batchModel));
    const connection = await connectClient(config);
    let worker: ChildProcess | undefined = spawnWorker();
    try {
      const workflowId = `fraud-sweep-batch-${date}-${Date.now()}`;
      const handle = await connection.client.workflow.start<typeof dailyFraudSweep>('dailyFraudSweep', {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [{ sweepDate: date, ...settings }],
      });
      const events = async () => (await handle.fetchHistory()).events ?? [];
      const deadline = Date.now() + 90_000;
      while (!(await events()).some((e) => e.timerStartedEventAttributes)) {
        if (Date.now() > deadline) throw new Error('the batch sweep never started waiting');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      worker.kill('SIGKILL');
      await exitOf(worker);
      worker = undefined;
      const submitted = batchModel.requests.filter((r) => r.customId !== undefined);
      expect(submitted.map((r) => r.customId).sort()).toEqual(accountIds.map((id) => `account-${id}`));
      expect(await queue()).toEqual([]);

      worker = spawnWorker();
      const progress = await handle.result();
      expect(progress).toMatchObject({ summarised: flags.length, queued: flags.length, unverified: 1 });

      // Same rows as sync mode, each account once; only the recorded cost differs.
      const batchRows = await queue();
      const withoutCost = ({ cost_usd: _cost, ...row }: QueueRow) => row;
      expect(batchRows.map(withoutCost)).toEqual(syncRows.map(withoutCost));
      // One batch, no request sent twice, and no synchronous call: the restart repeated nothing.
      expect(batchModel.requests.filter((r) => r.customId !== undefined)).toHaveLength(flags.length);
      expect(batchModel.requests.filter((r) => r.customId === undefined)).toEqual([]);
      const history = await events();
      const scheduled = history.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
      expect(scheduled.filter((name) => name === 'submitFraudSummaryBatch')).toHaveLength(1);
      expect(scheduled.filter((name) => name === 'queueFraudSummaryBatch')).toHaveLength(1);
      expect(scheduled.filter((name) => name === 'modelBatchStatus').length).toBeGreaterThanOrEqual(2);
      expect(scheduled).not.toContain('summariseFraudBatch');

      // Half price per summary: the same tokens as the synchronous call, at the batch discount.
      const batchCalls = await summaryCalls(workflowId);
      expect(batchCalls).toHaveLength(flags.length);
      batchRows.forEach((row, i) => {
        expect(Number(row.cost_usd)).toBeGreaterThan(0);
        expect(Number(row.cost_usd)).toBeCloseTo(Number(syncRows[i]!.cost_usd) / 2, 7);
      });
      const total = (calls: Array<{ cost: number }>) => calls.reduce((sum, call) => sum + call.cost, 0);
      expect(batchCalls.map(({ input, output }) => ({ input, output }))).toEqual(
        syncCalls.map(({ input, output }) => ({ input, output })),
      );
      expect(total(batchCalls)).toBeCloseTo(total(syncCalls) / 2, 10);
      expect(progress.costUsd).toBeCloseTo(total(batchCalls), 10);
    } finally {
      worker?.kill('SIGTERM');
      if (worker) await exitOf(worker);
      await connection.close();
      await batchModel.close();
    }
  }, 240_000);
});

describe('a batch item that fails the summary schema (in-process worker, API emulator)', () => {
  it('is summarised again by a synchronous call, which may repair it as a batch cannot, and queued once', async () => {
    await pool.query('DELETE FROM fraud_review_queue WHERE sweep_date = $1', [date]);
    const model = await emulator(2, {
      kind: 'reply',
      toolInput: { narrative: 'Nine countries in 14 days.', riskLevel: 'extreme', recommendedActions: ['no_action'] },
    });
    const harness = await e2eHarness({ env: anthropicEnv(model) });
    try {
      const { client, close } = await connectClient(harness.config);
      try {
        const workflowId = `fraud-sweep-batch-invalid-${date}-${Date.now()}`;
        const progress = await client.workflow.execute<typeof dailyFraudSweep>('dailyFraudSweep', {
          taskQueue: harness.config.TEMPORAL_TASK_QUEUE,
          workflowId,
          args: [{ sweepDate: date, summaryMode: 'batch', batchPollIntervalMs: 1_000 }],
        });
        expect(progress).toMatchObject({ summarised: flags.length, queued: flags.length, unverified: 0 });
        const rows = await queue();
        expect(rows.map((row) => row.account_id)).toEqual(accountIds);
        expect(rows[0]).toMatchObject({ verified: true, risk_level: expect.stringMatching(/^(low|medium|high)$/) });
        // The invalid item was billed and recorded at the batch price; the synchronous call beside it at list price.
        const calls = await summaryCalls(workflowId);
        expect(calls).toHaveLength(flags.length + 1);
        expect(model.requests.filter((r) => r.customId === undefined)).toHaveLength(1);
        expect(model.requests.filter((r) => r.customId !== undefined)).toHaveLength(flags.length);
        expect(progress.costUsd).toBeCloseTo(
          calls.reduce((sum, call) => sum + call.cost, 0),
          10,
        );
      } finally {
        await close();
      }
    } finally {
      await harness.close();
      await model.close();
    }
  }, 120_000);
});
