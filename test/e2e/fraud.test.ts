import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { generate, type GenerateOptions, type GenerateResult } from '../../tooling/fraud-data/generate';
import { indexes } from '../../tooling/fraud-data/schema';
import { detectAnomalies } from '../../activities/fraud/detect';
import { connectClient, createFraudClient, type FraudClient } from '../../client';
import { generateSigningKey, type SigningKey } from '../../activities/decisions/signing';
import { registeredKey } from './signing';
import { signDecision } from '../../client/decisions';
import { fraudDecisionWorkflowId, type FraudFlagRef } from '../../client/fraud';
import { fraudSubject } from '../../domain/decisions';
import { ensureFraudSchedule, FRAUD_SCHEDULE_ID } from '../../workers/schedules';
import { apiHarness } from './model-api-support';
import { e2eConfig, e2eHarness, workerProcess, type E2EHarness } from './support';

// Truncates and reloads only the fraud_* tables, which no other test reads.
const options: GenerateOptions = { accounts: 2000, days: 30, seed: 7, end: '2026-11-21' };
const fraudPatterns = ['roaming_spree', 'sim_swap', 'usage_spike', 'subscription_mismatch', 'slow_bleed', 'irsf'];

let pool: Pool;
beforeAll(() => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through the jest e2e project');
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(() => pool.end());

// Aggregates over every table's values, not just counts, so a change in any generated figure shows up.
async function fingerprint(): Promise<string> {
  const { rows } = await pool.query(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(plan_code || opened_on, ',' ORDER BY id) FROM fraud_accounts),
      (SELECT sum(seconds) || ':' || sum(charge) || ':' || count(*) FILTER (WHERE premium) FROM fraud_voice_calls),
      (SELECT sum(mb) || ':' || sum(day - date '2000-01-01') FROM fraud_data_sessions),
      (SELECT sum(mb) || ':' || count(DISTINCT country) FROM fraud_roaming_events),
      (SELECT sum(amount) || ':' || count(DISTINCT vendor) FROM fraud_sms_charges),
      (SELECT sum(extract(epoch FROM changed_at))::bigint FROM fraud_sim_changes),
      (SELECT string_agg(account_id || pattern || onset_on, ',' ORDER BY account_id) FROM fraud_labels)
    )) AS sum`);
  return rows[0].sum;
}

describe('fraud data generator', () => {
  let first: GenerateResult;
  let firstSum: string;

  beforeAll(async () => {
    first = await generate(pool, options);
    firstSum = await fingerprint();
  });

  test('the same seed gives the same rows; another seed does not', async () => {
    const again = await generate(pool, options);
    expect(again.counts).toEqual(first.counts);
    expect(await fingerprint()).toBe(firstSum);
    await generate(pool, { ...options, seed: 8 });
    expect(await fingerprint()).not.toBe(firstSum);
    await generate(pool, options); // leave the seed-7 population for the tests below
  });

  test('every table is filled and data covers each account-day', () => {
    expect(first.counts.fraud_accounts).toBe(2000);
    for (const rows of Object.values(first.counts)) expect(rows).toBeGreaterThan(0);
    // New-account look-alikes have no days before they opened, so slightly under accounts x days.
    expect(first.counts.fraud_data_sessions).toBeGreaterThan(2000 * 30 * 0.99);
  });

  test('every fraud pattern is labelled, at about 0.5% of accounts, alongside both kinds of look-alike', async () => {
    const { rows } = await pool.query(
      'SELECT pattern, bool_and(is_fraud) AS fraud, count(*)::int AS n FROM fraud_labels GROUP BY pattern',
    );
    const byPattern = new Map(rows.map((r) => [r.pattern as string, r as { fraud: boolean; n: number }]));
    for (const pattern of fraudPatterns) expect(byPattern.get(pattern)?.fraud).toBe(true);
    const fraud = rows.filter((r) => r.fraud).reduce((total, r) => total + r.n, 0);
    expect(fraud / 2000).toBeGreaterThanOrEqual(0.004);
    expect(fraud / 2000).toBeLessThanOrEqual(0.006);
    expect(byPattern.get('lookalike_traveller')).toMatchObject({ fraud: false });
    expect(byPattern.get('lookalike_new_account')).toMatchObject({ fraud: false });
  });

  test('injected behaviour is in the usage tables, and travellers have the history that excuses them', async () => {
    const { rows } = await pool.query(
      `
      SELECT l.pattern, min(r.countries)::int AS min_countries, min(h.countries)::int AS min_history
        FROM fraud_labels l
        LEFT JOIN (SELECT account_id, count(DISTINCT country) AS countries FROM fraud_roaming_events
                    WHERE day > $1::date - 14 GROUP BY account_id) r USING (account_id)
        LEFT JOIN (SELECT account_id, count(*) AS countries FROM fraud_travel_history GROUP BY account_id) h
          USING (account_id)
       WHERE l.pattern IN ('roaming_spree', 'lookalike_traveller')
       GROUP BY l.pattern`,
      [options.end],
    );
    const spree = rows.find((r) => r.pattern === 'roaming_spree');
    const traveller = rows.find((r) => r.pattern === 'lookalike_traveller');
    expect(spree.min_countries).toBeGreaterThanOrEqual(8);
    expect(traveller.min_countries).toBeGreaterThanOrEqual(8);
    expect(traveller.min_history).toBeGreaterThanOrEqual(40);
  });

  test('the indexes exist after the load', async () => {
    const { rows } = await pool.query(`SELECT indexname FROM pg_indexes WHERE tablename LIKE 'fraud\\_%'`);
    const names = rows.map((r) => r.indexname as string);
    for (const name of Object.keys(indexes)) expect(names).toContain(name);
  });
});

// Runs after the generator's tests in this file, on the seed-7 population they leave behind.
describe('fraud detection over the generated population', () => {
  const scored = async () => {
    const flags = await detectAnomalies(pool, options.end!);
    const labels = (await pool.query('SELECT account_id::text AS id, pattern, is_fraud FROM fraud_labels')).rows;
    return { flags, labels, flagged: new Set(flags.map((f) => f.accountId)) };
  };

  test('finds every injected pattern type with recall of at least 90%, and flags no look-alike', async () => {
    const { flags, labels, flagged } = await scored();
    const fraud = labels.filter((l) => l.is_fraud);
    for (const pattern of fraudPatterns) {
      const group = fraud.filter((l) => l.pattern === pattern);
      expect([pattern, group.some((l) => flagged.has(l.id))]).toEqual([pattern, true]);
    }
    const caught = fraud.filter((l) => flagged.has(l.id)).length;
    expect(caught / fraud.length).toBeGreaterThanOrEqual(0.9);
    const lookalikes = labels.filter((l) => !l.is_fraud);
    expect(lookalikes.filter((l) => flagged.has(l.id))).toEqual([]);
    // 000 reports 38% of flags as false positives; detection must do at least as well.
    const falsePositives = [...flagged].filter((id) => !fraud.some((l) => l.id === id)).length;
    expect(falsePositives / flagged.size).toBeLessThanOrEqual(0.38);
    // Evidence is figures from SQL, per rule.
    expect(flags.find((f) => f.pattern === 'roaming_spree')?.evidence).toMatchObject({
      plan_type: 'domestic',
      window_days: 14,
    });
  });

  test('an allowlist entry suppresses that pattern for that account', async () => {
    const { flags } = await scored();
    const target = flags[0]!;
    await pool.query(
      "INSERT INTO fraud_allowlist (account_id, pattern, reason, decided_by) VALUES ($1, $2, 'closed as legitimate', 'analyst.test')",
      [target.accountId, target.pattern],
    );
    try {
      const after = await detectAnomalies(pool, options.end!);
      expect(after.some((f) => f.accountId === target.accountId && f.pattern === target.pattern)).toBe(false);
      expect(after).toHaveLength(flags.length - 1);
    } finally {
      await pool.query('DELETE FROM fraud_allowlist WHERE account_id = $1', [target.accountId]);
    }
  });
});

/** A real worker and a fraud client on its task queue, opened before the calling block's tests and closed after. */
function fraudWorker(): { harness: E2EHarness; fraud: FraudClient } {
  const opened = {} as { harness: E2EHarness; fraud: FraudClient };
  let closeConnection = async () => {};
  beforeAll(async () => {
    opened.harness = await e2eHarness();
    const connection = await connectClient(opened.harness.config);
    closeConnection = () => connection.close();
    opened.fraud = createFraudClient({
      client: connection.client,
      taskQueue: opened.harness.config.TEMPORAL_TASK_QUEUE,
    });
  });
  afterAll(async () => {
    await closeConnection();
    await opened.harness.close();
  });
  return opened;
}

describe('the daily fraud sweep (real worker, offline engine)', () => {
  const worker = fraudWorker();

  const queueFor = async (date: string) =>
    (await pool.query('SELECT account_id::text AS id, verified FROM fraud_review_queue WHERE sweep_date = $1', [date]))
      .rows;

  test('the schedule exists after start-up, and creating it twice is harmless', async () => {
    const { client, close } = await connectClient(worker.harness.config);
    try {
      await client.schedule
        .getHandle(FRAUD_SCHEDULE_ID)
        .delete()
        .catch(() => undefined);
      expect(await ensureFraudSchedule(client, worker.harness.config.TEMPORAL_TASK_QUEUE)).toBe('created');
      expect(await ensureFraudSchedule(client, worker.harness.config.TEMPORAL_TASK_QUEUE)).toBe('existing');
      const description = await client.schedule.getHandle(FRAUD_SCHEDULE_ID).describe();
      expect(description.spec.timezone).toBe('Australia/Sydney');
      expect(description.policies.overlap).toBe('SKIP');
    } finally {
      await close();
    }
  });

  test('a sweep queues every flagged account once, with verified summaries, across continue-as-new', async () => {
    const date = options.end!;
    const { workflowId } = await worker.fraud.startSweep(date, { batchSize: 1, batchesPerRun: 3 });
    const progress = await worker.fraud.result(workflowId);
    const queue = await queueFor(date);
    expect(progress.flagged).toBeGreaterThan(0);
    expect(progress.queued).toBe(progress.flagged);
    expect(queue).toHaveLength(progress.flagged);
    expect(queue.every((row) => row.verified)).toBe(true);
    expect(progress.scanned).toBe(options.accounts);
    // One account a batch and three batches a run: with more than three flags the sweep must have continued as new.
    expect(progress.flagged).toBeGreaterThan(3);
    const { client, close } = await connectClient(worker.harness.config);
    try {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      expect(started?.continuedExecutionRunId).toBeTruthy();
    } finally {
      await close();
    }
  });

  test('re-running the same date adds nothing to the queue', async () => {
    const date = options.end!;
    const before = await queueFor(date);
    const { workflowId } = await worker.fraud.startSweep(date);
    const progress = await worker.fraud.result(workflowId);
    expect(progress.queued).toBe(0);
    expect(await queueFor(date)).toHaveLength(before.length);
  });

  test("an analyst's closing decision allowlists the account, and the next sweep respects it", async () => {
    const next = '2026-11-20';
    const flaggedNext = await detectAnomalies(pool, next);
    const today = new Set((await queueFor(options.end!)).map((row) => row.id));
    const target = flaggedNext.find((f) => today.has(f.accountId));
    expect(target).toBeDefined();
    const flag = { sweepDate: options.end!, accountId: target!.accountId };
    const outcome = await worker.fraud.decide(signVerdict(await analystKey('analyst.ng'), 'analyst.ng', flag));
    expect(outcome).toMatchObject({ recorded: true, analyst: 'analyst.ng', updated: true });
    expect(outcome.allowlisted).toBeGreaterThan(0);
    try {
      const { workflowId } = await worker.fraud.startSweep(next);
      await worker.fraud.result(workflowId);
      const patterns = (
        await pool.query('SELECT patterns FROM fraud_review_queue WHERE sweep_date = $1 AND account_id = $2', [
          next,
          target!.accountId,
        ])
      ).rows[0]?.patterns as string[] | undefined;
      expect(patterns ?? []).not.toContain(target!.pattern);
    } finally {
      await pool.query('DELETE FROM fraud_allowlist WHERE account_id = $1', [target!.accountId]);
    }
  });
});

describe('signed analyst verdicts (real worker, PostgreSQL)', () => {
  const worker = fraudWorker();

  test('a forged verdict changes nothing and is in the audit trail; the signed one is recorded under its signer', async () => {
    // A flag on a date no sweep uses, so this test owns it.
    const flag = { sweepDate: '1999-03-04', accountId: String(8_000_000 + Math.floor(Math.random() * 1_000_000)) };
    await pool.query(
      `INSERT INTO fraud_review_queue (sweep_date, account_id, patterns, evidence, narrative, risk_level,
         recommended_actions, verified, model_id, cost_usd)
       VALUES ($1, $2, '{sim_swap}', '{"sim_swap": {"changes": 2}}', 'Two SIM swaps.', 'high',
         '{send_sms_verification}', true, 'switchboard-offline-1', 0)`,
      [flag.sweepDate, flag.accountId],
    );
    const analyst = `analyst.${Math.random().toString(36).slice(2, 8)}`;
    const key = await analystKey(analyst);
    const stray = await worker.fraud.decide(signVerdict(generateSigningKey(), analyst, flag));
    expect(stray).toMatchObject({ recorded: false, analyst: null, refusal: expect.stringMatching(/^unknown key /) });
    // Genuinely signed, but for another account: the flag decided is the caller's, and the run refuses the mismatch.
    // A second analyst, so each refusal has a run id of its own (see the note on audit dedupe keys in the report).
    const colleague = `${analyst}.b`;
    const elsewhere = signVerdict(await analystKey(colleague), colleague, flag, 'closed_legitimate', {
      ...flag,
      accountId: '1',
    });
    expect(await worker.fraud.decide(elsewhere, flag)).toMatchObject({
      recorded: false,
      refusal: `signed for 1@${flag.sweepDate}, but this decides ${fraudSubject(flag.accountId, flag.sweepDate)}`,
    });
    const row = () =>
      pool.query('SELECT status, decided_by FROM fraud_review_queue WHERE sweep_date = $1 AND account_id = $2', [
        flag.sweepDate,
        flag.accountId,
      ]);
    expect((await row()).rows).toEqual([{ status: 'open', decided_by: null }]);

    const valid = await worker.fraud.decide(signVerdict(key, analyst, flag, 'confirmed_fraud'));
    expect(valid).toEqual({ recorded: true, decision: 'confirmed_fraud', analyst, updated: true, allowlisted: 0 });
    expect((await row()).rows).toEqual([{ status: 'confirmed_fraud', decided_by: analyst }]);
    const audit = await pool.query(
      `SELECT actor, action, details->>'refusal' AS refusal FROM audit_log WHERE workflow_id = ANY($1) ORDER BY seq`,
      [[fraudDecisionWorkflowId(flag, analyst), fraudDecisionWorkflowId(flag, colleague)]],
    );
    expect(audit.rows).toEqual([
      { actor: 'system:switchboard', action: 'decision.refused', refusal: expect.stringMatching(/^unknown key /) },
      { actor: 'system:switchboard', action: 'decision.refused', refusal: expect.stringMatching(/^signed for 1@/) },
      { actor: `analyst:${analyst}`, action: 'decision.verified', refusal: null },
      { actor: `analyst:${analyst}`, action: 'fraud.analyst_decision', refusal: null },
    ]);
  });
});

/** An analyst's own key, registered in PostgreSQL as a deployment would. */
const analystKey = (identity: string) => registeredKey(pool, identity, 'analyst');

function signVerdict(
  key: SigningKey,
  identity: string,
  flag: FraudFlagRef,
  decision: 'closed_legitimate' | 'confirmed_fraud' = 'closed_legitimate',
  /** The account the statement names, when it is not the flag's. */
  about: FraudFlagRef = flag,
) {
  return signDecision(
    {
      kind: 'fraud',
      workflowId: fraudDecisionWorkflowId(flag, identity),
      runId: '*',
      subject: fraudSubject(about.accountId, about.sweepDate),
      decision,
      reason: 'checked the account history',
      identity,
    },
    key,
  );
}

describe('a worker killed mid-sweep', () => {
  test('is replaced, and the sweep finishes with each account queued once and at most one summary repeated', async () => {
    const config = e2eConfig({ OFFLINE_LATENCY: '300ms' });
    const spawnWorker = workerProcess(config, { OFFLINE_LATENCY: '300ms' });
    const date = '2026-11-19';
    const connection = await connectClient(config);
    const sweeps = createFraudClient({ client: connection.client, taskQueue: config.TEMPORAL_TASK_QUEUE });
    let worker: ChildProcess | undefined = spawnWorker();
    try {
      const { workflowId } = await sweeps.startSweep(date, { batchSize: 50 });
      const count = async () =>
        Number(
          (await pool.query('SELECT count(*) AS n FROM fraud_review_queue WHERE sweep_date = $1', [date])).rows[0].n,
        );
      const deadline = Date.now() + 60_000;
      while ((await count()) < 2) {
        if (Date.now() > deadline) throw new Error('the sweep never started queueing');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker!.once('exit', resolve));
      const queuedWhenKilled = await count();
      worker = spawnWorker();
      const progress = await sweeps.result(workflowId);
      expect(queuedWhenKilled).toBeLessThan(progress.flagged);
      expect(await count()).toBe(progress.flagged);
      const calls = await pool.query(
        "SELECT count(*) AS n FROM model_calls WHERE workflow_id = $1 AND task = 'summarise_fraud'",
        [workflowId],
      );
      expect(Number(calls.rows[0].n) - progress.flagged).toBeLessThanOrEqual(1);
    } finally {
      worker?.kill('SIGTERM');
      if (worker) await new Promise((resolve) => worker!.once('exit', resolve));
      await connection.close();
    }
  }, 120_000);
});

describe('fraud summaries through the Anthropic SDK and its emulator', () => {
  test('a summary that invents a figure is queued for the analyst marked unverified, naming the figure', async () => {
    const api = await apiHarness('anthropic');
    const date = '2026-11-18';
    try {
      api.scriptTask('summarise_fraud', {
        kind: 'reply',
        toolInput: {
          narrative: 'Losses of $9,999 across 77 countries.',
          riskLevel: 'high',
          recommendedActions: ['escalate_to_fraud_team'],
        },
      });
      const { client, close } = await connectClient(api.config);
      try {
        const sweeps = createFraudClient({ client, taskQueue: api.config.TEMPORAL_TASK_QUEUE });
        const { workflowId } = await sweeps.startSweep(date);
        const progress = await sweeps.result(workflowId);
        expect(progress.unverified).toBe(1);
        expect(progress.costUsd).toBeGreaterThan(0);
        const rows = await pool.query(
          'SELECT verified, unverified_figures FROM fraud_review_queue WHERE sweep_date = $1 ORDER BY account_id',
          [date],
        );
        expect(rows.rows).toHaveLength(progress.flagged);
        expect(rows.rows.filter((r) => !r.verified)).toEqual([
          { verified: false, unverified_figures: ['$9,999', '77'] },
        ]);
      } finally {
        await close();
      }
    } finally {
      await api.close();
    }
  }, 60_000);
});
