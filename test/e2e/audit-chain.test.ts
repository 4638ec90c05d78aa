import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { appendAudit, chainHash, contentBody, genesisHash, type AuditEntry } from '../../activities/audit/chain';
import { hmacChainHash } from '../../activities/audit/chain-keys';
import { appendDecision } from '../../activities/audit/decisions';
import { recordModelCall } from '../../activities/audit/model-calls';
import { pruneAuditLog } from '../../activities/audit/retention';
import { openSample } from '../../activities/audit/sampling';
import { rowBody, verifyAuditChain } from '../../activities/audit/verify';
import { createKeyRing } from '../../security/keyring';
import { auditSchema, type AuditSchema } from './audit-support';

let audit: AuditSchema;
let pool: Pool;

beforeAll(async () => {
  audit = await auditSchema();
  pool = audit.owner;
});

afterAll(async () => {
  await audit?.close();
});

beforeEach(async () => {
  await audit.reset();
});

const verify = (options: { pageSize?: number } = {}) => verifyAuditChain(pool, { keys: audit.keys, ...options });

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

/** What a database superuser could do: switch the guards off, change rows, switch them back on. */
const asAdmin = (sql: string, params: unknown[] = []) => audit.asSuperuser(sql, params);

const intact = (rows: number, lastSeq: number | null) => ({ ok: true, rows, lastSeq, problems: [] });

describe('audit chain', () => {
  test('50 concurrent appends form one unbroken chain, and verify passes', async () => {
    const appended = await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(pool, decision(i + 1))));
    expect(new Set(appended.map((a) => a!.seq)).size).toBe(50);
    const { rows } = await pool.query('SELECT seq, prev_hash, hash, hash_alg FROM audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(genesisHash);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verify({ pageSize: 7 })).toMatchObject(intact(50, 50));
    expect(rows.every((r) => r.hash_alg === 'hmac-sha256:test-k1')).toBe(true);
  });

  test('an empty chain verifies', async () => {
    expect(await verify()).toMatchObject(intact(0, null));
  });

  test('a row edited by SQL is named by its seq', async () => {
    await appendMany(20);
    await asAdmin(`UPDATE audit_log SET details = jsonb_set(details, '{deviceId}', '"RTR-99"') WHERE seq = 7`);
    expect(await verify({ pageSize: 5 })).toMatchObject({
      ok: false,
      rows: 19,
      firstBadSeq: 7,
      problems: [{ kind: 'hash_mismatch', fromSeq: 7, toSeq: 7, detail: expect.stringMatching(/HMAC does not match/) }],
    });
  });

  test('a row deleted from the middle is named by its missing seq', async () => {
    await appendMany(20);
    await asAdmin('DELETE FROM audit_log WHERE seq = 12');
    expect(await verify()).toMatchObject({
      ok: false,
      rows: 18, // row 13 holds its HMAC, but what it links to is gone
      firstBadSeq: 12,
      reason: 'row 12 missing (deleted)',
      problems: [{ kind: 'gap', fromSeq: 12, toSeq: 12 }],
    });
  });

  test('a rewritten hash is named on its row and the link after it; an unkeyed or guessed rehash does not verify', async () => {
    await appendMany(10);
    const original = (await pool.query('SELECT hash FROM audit_log WHERE seq = 4')).rows[0].hash;
    await asAdmin(`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 4`);
    expect((await verify()).problems).toMatchObject([
      { kind: 'hash_mismatch', fromSeq: 4, toSeq: 4 },
      { kind: 'broken_link', fromSeq: 5, toSeq: 5 },
    ]);
    await asAdmin('UPDATE audit_log SET hash = $1 WHERE seq = 4', [original]);
    expect(await verify()).toMatchObject(intact(10, 10));

    // Rewritten content with a hash recomputed the old, unkeyed way: a downgrade, and the next row no longer links.
    const row = (await pool.query('SELECT * FROM audit_log WHERE seq = 4')).rows[0];
    const details = { ...row.details, deviceId: 'RTR-FORGED' };
    const body = rowBody({ ...row, details, sample_key_id: null, sample: null });
    const unkeyed = chainHash(row.prev_hash, 4, body);
    await asAdmin(`UPDATE audit_log SET details = $1, hash = $2, hash_alg = 'sha256' WHERE seq = 4`, [
      details,
      unkeyed,
    ]);
    expect((await verify()).problems).toMatchObject([
      { kind: 'downgrade', fromSeq: 4, toSeq: 4 },
      { kind: 'broken_link', fromSeq: 5, toSeq: 5 },
    ]);
    // The same with a guessed key under the real key's label: an HMAC mismatch.
    const guessed = hmacChainHash(randomBytes(32), row.hash_alg, row.prev_hash, 4, body);
    await asAdmin('UPDATE audit_log SET hash = $1, hash_alg = $2 WHERE seq = 4', [guessed, row.hash_alg]);
    expect((await verify()).problems).toMatchObject([
      { kind: 'hash_mismatch', fromSeq: 4, toSeq: 4 },
      { kind: 'broken_link', fromSeq: 5, toSeq: 5 },
    ]);
  });

  test('rows written before the chain was keyed still verify, and keyed rows continue from them', async () => {
    let prev = genesisHash;
    for (let seq = 1; seq <= 3; seq++) {
      const recordedAt = new Date(Date.UTC(2025, 0, seq));
      const content = {
        recordedAt: recordedAt.toISOString(),
        kind: 'decision',
        workflowId: null,
        actor: 'system:switchboard',
        action: 'fault.action_executed',
        details: { n: seq },
        sampleKeyId: null,
        sample: null,
      };
      const hash = chainHash(prev, seq, contentBody(content));
      await asAdmin(
        `INSERT INTO audit_log (seq, recorded_at, kind, actor, action, details, prev_hash, hash, hash_alg)
         VALUES ($1, $2, 'decision', 'system:switchboard', 'fault.action_executed', $3, $4, $5, 'sha256')`,
        [seq, recordedAt, { n: seq }, prev, hash],
      );
      prev = hash;
    }
    await appendMany(2);
    expect(await verify()).toMatchObject(intact(5, 5));
  });

  test('the insert trigger refuses a row that skips, forks or is unkeyed', async () => {
    await appendMany(2);
    const head = (await pool.query('SELECT hash FROM audit_log WHERE seq = 2')).rows[0].hash;
    const insert = (seq: number, prev: string, alg: string) =>
      pool.query(
        `INSERT INTO audit_log (seq, kind, actor, action, details, prev_hash, hash, hash_alg)
         VALUES ($1, 'decision', 'system:switchboard', 'fault.action_executed', '{}', $2, repeat('b', 64), $3)`,
        [seq, prev, alg],
      );
    await expect(insert(4, head, 'hmac-sha256:test-k1')).rejects.toThrow(/does not extend the chain/);
    await expect(insert(3, 'c'.repeat(64), 'hmac-sha256:test-k1')).rejects.toThrow(/does not extend the chain/);
    await expect(insert(3, head, 'sha256')).rejects.toThrow(/must carry an HMAC/);
    expect(await verify()).toMatchObject(intact(2, 2));
  });

  test('the table refuses UPDATE, DELETE and TRUNCATE even to its owner while its guard is on', async () => {
    await appendMany(3);
    await expect(pool.query(`UPDATE audit_log SET actor = 'oncall:mallory' WHERE seq = 2`)).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    // The old switch no longer switches anything off.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL switchboard.audit_prune = 'on'`);
      await expect(client.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await verify()).toMatchObject(intact(3, 3));
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
    expect(await verify()).toMatchObject(intact(3, 3));
  });

  test('a retried decision is recorded once', async () => {
    const d = { action: 'fraud.analyst_decision', actor: 'analyst:carol', details: { decision: 'investigating' } };
    const key = { workflowId: 'fraud-decision-1', dedupeKey: 'fraud-decision-1/1/fraud.analyst_decision' };
    expect(await appendDecision(pool, { ...d, ...key })).toBe(true);
    expect(await appendDecision(pool, { ...d, ...key })).toBe(false);
    expect(await verify()).toMatchObject(intact(1, 1));
  });

  test('retention prunes the old prefix, moves the anchor, and the chain still verifies and grows', async () => {
    const now = new Date('2033-06-01T00:00:00.000Z');
    const old = new Date('2025-01-01T00:00:00.000Z');
    for (let i = 1; i <= 10; i++) await appendAudit(pool, decision(i, { recordedAt: old }));
    for (let i = 11; i <= 15; i++) await appendAudit(pool, decision(i, { recordedAt: now }));
    const sevenYears = 7 * 365 * 86_400_000;
    const pruned = await pruneAuditLog(pool, { olderThanMs: sevenYears, now });
    expect(pruned).toMatchObject({ deleted: 10, anchor: { seq: 10 }, range: { fromSeq: 1, toSeq: 10 } });
    // The prune's own keyed record, seq 16, is what makes the moved anchor legitimate.
    const record = (await pool.query(`SELECT seq, actor, details FROM audit_log WHERE action = 'audit.pruned'`)).rows;
    expect(record).toEqual([
      {
        seq: '16',
        actor: 'system:retention',
        details: expect.objectContaining({ fromSeq: 1, toSeq: 10, rows: 10, anchorHash: pruned.anchor!.hash }),
      },
    ]);
    expect(await verify()).toMatchObject(intact(6, 16));
    expect(await pruneAuditLog(pool, { olderThanMs: sevenYears, now })).toEqual({
      deleted: 0,
      anchor: null,
      range: null,
    });
    // Everything pruned, the first record too: the chain continues from the anchor through the new record.
    expect(await pruneAuditLog(pool, { olderThanMs: 0, now: new Date(now.getTime() + 1) })).toMatchObject({
      deleted: 6,
      anchor: { seq: 16 },
    });
    expect(await verify()).toMatchObject(intact(1, 17));
    await appendAudit(pool, decision(18));
    expect(await verify()).toMatchObject(intact(2, 18));
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
    expect(await verify()).toMatchObject(intact(3, 3));
  });
});
