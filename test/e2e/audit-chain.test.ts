import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { appendAudit, chainHash, contentBody, genesisHash, type AuditEntry } from '../../activities/audit/chain';
import { appendDecision } from '../../activities/audit/decisions';
import { recordModelCall } from '../../activities/audit/model-calls';
import { pruneAuditLog } from '../../activities/audit/retention';
import { openSample } from '../../activities/audit/sampling';
import { verifyAuditChain } from '../../activities/audit/verify';
import { createKeyRing } from '../../security/keyring';

// Other e2e files append to public.audit_log while these run (jest runs files in parallel), so this file builds the
// audit tables from the migration in a schema of its own and truncates them freely.
const schema = `audit_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
let admin: Pool;
let pool: Pool;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through the jest e2e project');
  admin = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.model_calls (LIKE public.model_calls INCLUDING ALL)`);
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8, options: `-c search_path=${schema}` });
  const migration = readFileSync(join(__dirname, '../../db/migrations/1764100000000_audit-log.sql'), 'utf8');
  await pool.query(migration.slice(0, migration.indexOf('-- Down Migration')));
});

afterAll(async () => {
  await pool?.end();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.end();
});

beforeEach(async () => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL switchboard.audit_prune = 'on'`);
    await client.query('TRUNCATE audit_log, model_calls');
    await client.query('DELETE FROM audit_chain_anchor');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
});

const decision = (n: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  kind: 'decision',
  workflowId: `fault-${n}`,
  actor: n % 2 ? 'oncall:alice' : 'system:switchboard',
  action: 'fault.action_executed',
  details: { action: 'restart_bgp', deviceId: `RTR-${n}`, costUsd: 0.1 + 0.2, nested: { b: [1, 'x'], a: null } },
  ...over,
});

async function appendMany(n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await appendAudit(pool, decision(i));
}

/** What a database administrator could do: switch the guard off, change rows, switch it back on. */
async function asAdmin(sql: string, params: unknown[] = []): Promise<void> {
  await pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  try {
    await pool.query(sql, params);
  } finally {
    await pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  }
}

describe('audit chain', () => {
  test('50 concurrent appends form one unbroken chain, and verify passes', async () => {
    const appended = await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(pool, decision(i + 1))));
    expect(new Set(appended.map((a) => a!.seq)).size).toBe(50);
    const { rows } = await pool.query('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(genesisHash);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(pool, { pageSize: 7 })).toEqual({ ok: true, rows: 50, lastSeq: 50 });
  });

  test('an empty chain verifies', async () => {
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 0, lastSeq: null });
  });

  test('a row edited by SQL is named by its seq', async () => {
    await appendMany(20);
    await asAdmin(`UPDATE audit_log SET details = jsonb_set(details, '{deviceId}', '"RTR-99"') WHERE seq = 7`);
    expect(await verifyAuditChain(pool, { pageSize: 5 })).toEqual({
      ok: false,
      rows: 6,
      firstBadSeq: 7,
      reason: 'hash mismatch',
    });
  });

  test('a row deleted from the middle is named by its missing seq', async () => {
    await appendMany(20);
    await asAdmin('DELETE FROM audit_log WHERE seq = 12');
    expect(await verifyAuditChain(pool)).toEqual({ ok: false, rows: 11, firstBadSeq: 12, reason: 'gap' });
  });

  test('a rewritten hash is named on its row; a row rewritten with a matching hash, on the row after', async () => {
    await appendMany(10);
    const original = (await pool.query('SELECT hash FROM audit_log WHERE seq = 4')).rows[0].hash;
    await asAdmin(`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 4`);
    expect(await verifyAuditChain(pool)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'hash mismatch' });
    await asAdmin('UPDATE audit_log SET hash = $1 WHERE seq = 4', [original]);

    const row = (await pool.query('SELECT * FROM audit_log WHERE seq = 4')).rows[0];
    const details = { ...row.details, deviceId: 'RTR-FORGED' };
    const forged = chainHash(
      row.prev_hash,
      4,
      contentBody({
        recordedAt: row.recorded_at.toISOString(),
        kind: row.kind,
        workflowId: row.workflow_id,
        actor: row.actor,
        action: row.action,
        details,
        sampleKeyId: null,
        sample: null,
      }),
    );
    await asAdmin('UPDATE audit_log SET details = $1, hash = $2 WHERE seq = 4', [details, forged]);
    expect(await verifyAuditChain(pool)).toEqual({ ok: false, rows: 4, firstBadSeq: 5, reason: 'broken link' });
  });

  test('the table refuses UPDATE, DELETE and TRUNCATE while its guard is on', async () => {
    await appendMany(3);
    await expect(pool.query(`UPDATE audit_log SET actor = 'oncall:mallory' WHERE seq = 2`)).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 3, lastSeq: 3 });
  });

  test('an append rolled back with its business write leaves no gap', async () => {
    await appendMany(2);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await appendAudit(client, decision(3));
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await appendAudit(pool, decision(4));
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 3, lastSeq: 3 });
  });

  test('a retried decision is recorded once', async () => {
    const d = { action: 'fraud.analyst_decision', actor: 'analyst:carol', details: { decision: 'investigating' } };
    const key = { workflowId: 'fraud-decision-1', dedupeKey: 'fraud-decision-1/1/fraud.analyst_decision' };
    expect(await appendDecision(pool, { ...d, ...key })).toBe(true);
    expect(await appendDecision(pool, { ...d, ...key })).toBe(false);
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 1, lastSeq: 1 });
  });

  test('retention prunes the old prefix, moves the anchor, and the chain still verifies and grows', async () => {
    const now = new Date('2033-06-01T00:00:00.000Z');
    const old = new Date('2025-01-01T00:00:00.000Z');
    for (let i = 1; i <= 10; i++) await appendAudit(pool, decision(i, { recordedAt: old }));
    for (let i = 11; i <= 15; i++) await appendAudit(pool, decision(i, { recordedAt: now }));
    const sevenYears = 7 * 365 * 86_400_000;
    const pruned = await pruneAuditLog(pool, { olderThanMs: sevenYears, now });
    expect(pruned).toMatchObject({ deleted: 10, anchor: { seq: 10 } });
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 5, lastSeq: 15 });
    expect(await pruneAuditLog(pool, { olderThanMs: sevenYears, now })).toEqual({ deleted: 0, anchor: null });
    // Everything pruned: the next row links to the anchor, not to genesis.
    expect(await pruneAuditLog(pool, { olderThanMs: 0, now: new Date(now.getTime() + 1) })).toMatchObject({
      deleted: 5,
      anchor: { seq: 15 },
    });
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 0, lastSeq: 15 });
    await appendAudit(pool, decision(16));
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 1, lastSeq: 16 });
  });

  test('a sampled model call is stored sealed: it opens with the ring and is nowhere in the table in clear', async () => {
    const ring = createKeyRing([{ id: 'audit-k1', key: randomBytes(32).toString('base64') }]);
    const secret = `customer says card ending 4242 ${randomUUID()}`;
    const exchange = {
      prompt: {
        id: 'classify_intent',
        version: 'v-abc',
        system: 'Route tickets.',
        messages: [{ role: 'user' as const, content: secret }],
      },
      response: `{"intent":"billing","reason":"${secret}"}`,
    };
    const call = {
      task: 'classify_intent',
      provider: 'offline',
      modelId: 'offline-1',
      promptId: 'classify_intent',
      promptVersion: 'v-abc',
      requestId: 'req_1',
      usage: { inputTokens: 120, outputTokens: 30, cacheReadTokens: 0, cacheWriteTokens: 0 },
      costUsd: 0.00027,
      latencyMs: 12,
      stopReason: 'tool_use',
      repaired: false,
    };
    const site = { workflowId: 'ticket-T-1', activityId: '3', attempt: 1 };
    await recordModelCall(pool, site, call, { ring, sampleRate: 1 }, exchange);
    await recordModelCall(pool, { ...site, attempt: 2 }, call, { ring: null, sampleRate: 1 }, exchange);
    await recordModelCall(pool, { ...site, attempt: 3 }, call, { ring, sampleRate: 0 }, exchange);

    const { rows } = await pool.query(
      `SELECT *, (to_jsonb(a) - 'sample')::text AS clear FROM audit_log a ORDER BY seq`,
    );
    expect(rows.map((r) => r.details.sample)).toEqual(['sealed', 'skipped_encryption_off', 'not_sampled']);
    expect(rows[0].details).toMatchObject({
      task: 'classify_intent',
      model: 'offline-1',
      tokens: { inputTokens: 120 },
    });
    expect(openSample(ring, rows[0])).toEqual(exchange);
    expect(rows.slice(1).map((r) => r.sample)).toEqual([null, null]);
    for (const row of rows) {
      // Every column but the sealed bytes as text, and the sealed bytes themselves.
      expect(row.clear).not.toContain('4242');
      expect(row.clear).not.toContain('Route tickets.');
      expect(row.sample?.includes(Buffer.from('card ending 4242')) ?? false).toBe(false);
    }
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: 3, lastSeq: 3 });
  });
});
