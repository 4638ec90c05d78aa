import type { Worker } from '@temporalio/worker';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createAuditAnchorActivities } from '../../activities/audit/anchor';
import { appendAudit, type AuditEntry } from '../../activities/audit/chain';
import { hmacChainHash } from '../../activities/audit/chain-keys';
import { pruneAuditLog } from '../../activities/audit/retention';
import { anchorWorkflowIdPrefix, readTemporalAnchors } from '../../activities/audit/temporal-anchors';
import { rowBody, verifyAuditChain } from '../../activities/audit/verify';
import { temporalHarness, waitFor, type TemporalHarness } from '../support/temporal';
import { auditSchema, type AuditSchema } from './audit-support';

let audit: AuditSchema;
let app: Pool;
let temporal: TemporalHarness;
let worker: Worker;
let running: Promise<void>;
// A chain id per test: anchors of earlier tests (other chains, same seqs) must not count.
let chainId = '';

beforeAll(async () => {
  audit = await auditSchema();
  app = await audit.appLogin();
  temporal = await temporalHarness();
  worker = await temporal.worker({
    readAuditHead: () => createAuditAnchorActivities({ pool: app, chainId }).readAuditHead(),
  });
  running = worker.run();
}, 60_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await temporal?.close();
  await audit?.close();
});

beforeEach(async () => {
  await audit.reset();
  chainId = `test-${randomUUID().slice(0, 8)}`;
});

const decision = (n: number, recordedAt?: Date): AuditEntry => ({
  kind: 'decision',
  workflowId: `fault-${n}`,
  actor: 'oncall:alice',
  action: 'fault.action_executed',
  details: { deviceId: `RTR-${n}` },
  recordedAt,
});

/** Appends as the application does: through its own role, signed with the chain key. */
async function appendMany(from: number, to: number, recordedAt?: Date): Promise<void> {
  for (let n = from; n <= to; n++) await appendAudit(app, decision(n, recordedAt));
}

/** Runs the anchor workflow once and waits until visibility lists every anchor so far. */
async function anchor(expected: number): Promise<void> {
  await temporal.client.workflow.execute('anchorAuditChain', {
    taskQueue: temporal.taskQueue,
    workflowId: `${anchorWorkflowIdPrefix(chainId)}-${expected}`,
    args: [{}],
  });
  await waitFor(
    async () => ((await readTemporalAnchors(temporal.client, { chainId })).length === expected ? true : undefined),
    'anchors in visibility',
  );
}

const verify = async () =>
  verifyAuditChain(audit.owner, { keys: audit.keys, anchors: await readTemporalAnchors(temporal.client, { chainId }) });

describe('the application role', () => {
  test('appends, but cannot update, delete, truncate, disable the guard, prune or move the anchor', async () => {
    await appendMany(1, 3);
    const refused = /permission denied|must be owner/;
    await expect(app.query(`UPDATE audit_log SET actor = 'oncall:mallory' WHERE seq = 2`)).rejects.toThrow(refused);
    await expect(app.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(refused);
    await expect(app.query('TRUNCATE audit_log')).rejects.toThrow(refused);
    await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.query(`INSERT INTO audit_chain_anchor (seq, hash) VALUES (2, 'x')`)).rejects.toThrow(refused);
    await expect(app.query(`SELECT * FROM audit_prune(now())`)).rejects.toThrow(/permission denied for function/);
    for (const setting of ['switchboard.audit_prune', 'switchboard.audit_prune_upto']) {
      const client = await app.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config($1, $2, true)`, [setting, setting.endsWith('upto') ? '99' : 'on']);
        await expect(client.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(refused);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    }
    expect(await verify()).toMatchObject({ ok: true, rows: 3, lastSeq: 3, problems: [] });
  });
});

describe('a superuser rewriting the trail is caught against the Temporal anchors', () => {
  test('cutting the last 10 rows: rows 21..30 missing after an anchor', async () => {
    await appendMany(1, 30);
    await anchor(1);
    await audit.asSuperuser('DELETE FROM audit_log WHERE seq > 20');
    // The chain alone still agrees with itself: only the anchor shows the cut.
    expect(await verifyAuditChain(audit.owner, { keys: audit.keys })).toMatchObject({ ok: true, lastSeq: 20 });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, rows: 20, lastSeq: 20, anchors: { checked: 1, latestSeq: 30 } });
    expect(result.problems).toEqual([{ kind: 'tail_missing', fromSeq: 21, toSeq: 30, detail: expect.any(String) }]);
    expect(result.reason).toMatch(/^rows 21\.\.30 missing after an anchor/);
  });

  test('deleting a prefix and moving the anchor: rows 1..10 removed outside retention', async () => {
    await appendMany(1, 30);
    await anchor(1);
    const row10 = (await audit.owner.query('SELECT hash FROM audit_log WHERE seq = 10')).rows[0].hash;
    await audit.asSuperuser(
      `DELETE FROM audit_log WHERE seq <= 10; INSERT INTO audit_chain_anchor (seq, hash) VALUES (10, '${row10}')`,
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, rows: 20, lastSeq: 30 });
    expect(result.problems).toEqual([{ kind: 'anchor_moved', fromSeq: 1, toSeq: 10, detail: expect.any(String) }]);
    expect(result.reason).toMatch(/^rows 1\.\.10 removed outside retention/);
  });

  test('a legitimate prune verifies, against the chain and the anchors taken before it', async () => {
    const now = new Date();
    await appendMany(1, 10, new Date(now.getTime() - 86_400_000));
    await appendMany(11, 15, now);
    await anchor(1);
    // Retention runs as a member of switchboard_audit_admin; here the owner, a superuser.
    expect(await pruneAuditLog(audit.owner, { olderThanMs: 3_600_000, now })).toMatchObject({ deleted: 10 });
    await anchor(2);
    expect(await verify()).toMatchObject({ ok: true, rows: 6, lastSeq: 16, anchors: { checked: 2 }, problems: [] });
  });

  test.each([
    ['unkeyed SHA-256', 'downgrade', null],
    ['a guessed key', 'hash_mismatch', randomBytes(32)],
  ] as const)('rewriting row 12 and rehashing every later row with %s: %s from 12 on', async (_how, kind, key) => {
    await appendMany(1, 30);
    await anchor(1);
    const { rows } = await audit.owner.query('SELECT * FROM audit_log WHERE seq >= 12 ORDER BY seq');
    let prev: string = rows[0].prev_hash;
    for (const row of rows) {
      const details = row.seq === '12' ? { deviceId: 'RTR-FORGED' } : row.details;
      const body = rowBody({ ...row, details, sample_key_id: null, sample: null });
      const hash = key
        ? hmacChainHash(key, row.hash_alg, prev, Number(row.seq), body)
        : createHash('sha256').update(`${prev}\n${row.seq}\n${body}`, 'utf8').digest('hex');
      await audit.asSuperuser(
        'UPDATE audit_log SET details = $1, prev_hash = $2, hash = $3, hash_alg = $4 WHERE seq = $5',
        [details, prev, hash, key ? row.hash_alg : 'sha256', row.seq],
      );
      prev = hash;
    }
    const result = await verify();
    expect(result).toMatchObject({ ok: false, rows: 11, lastSeq: 30 });
    expect(result.problems).toEqual([
      { kind, fromSeq: 12, toSeq: 30, detail: expect.any(String) },
      { kind: 'anchor_mismatch', fromSeq: 30, toSeq: 30, detail: expect.stringMatching(/anchored history/) },
    ]);
  });
});
