import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { bindChainKeys, requireChainKeys } from '../../activities/audit/chain-keys';
import { parseConfig } from '../../config';
import { executeAction } from '../../activities/fault/execution';
import { sendPage } from '../../activities/fault/pages';
import { loadRoster } from '../../activities/fault/roster';
import { gatherTelemetryBundle, loadTelemetryBundle, saveTelemetryBundle } from '../../activities/fault/telemetry';
import { readRecovery } from '../../activities/fault/verify';
import { ErrorTypes } from '../../domain/errors';
import type { Alert } from '../../domain/fault/alert';
import { scenarioAlerts, scenarioDeviceIds } from '../../db/seed/network/scenarios';

// Runs against the shared test database: anything a test changes in the seeded network it puts back.
let pool: Pool;
beforeAll(() => {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run through the jest e2e project');
  // Executed actions append to the audit trail, signed with the run's chain key as the worker's are.
  const chainKeys = requireChainKeys(parseConfig({ AUDIT_CHAIN_KEYS: process.env.AUDIT_CHAIN_KEYS }));
  pool = bindChainKeys(new Pool({ connectionString: process.env.DATABASE_URL, max: 3 }), chainKeys);
});
afterAll(() => pool.end());

const alertFor = (deviceId: string): Alert => scenarioAlerts(new Date()).find((a) => a.deviceId === deviceId)!;
const notFound = { type: ErrorTypes.NotFound, nonRetryable: true };
const noticeOrWorse = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice'];
const bgpWords = /\b(BGP|ADJCHANGE|OPEN|NOTIFICATION|neighbor)\b/i;

describe('telemetry bundle', () => {
  test('keeps the last 100 relevant RTR-SYD-02 lines, oldest first, with the version mismatch', async () => {
    const now = new Date();
    const { bundle, bytes } = await gatherTelemetryBundle(pool, alertFor(scenarioDeviceIds.bgpFlapping), now);
    const candidates = await pool.query(
      `SELECT count(*)::int AS n FROM syslog_lines
        WHERE device_id = 'RTR-SYD-02' AND at <= $1 AND at > $1::timestamptz - interval '24 hours' AND severity <= 5`,
      [now],
    );
    expect(candidates.rows[0].n).toBeGreaterThan(100); // so the limit really cut something
    expect(bundle.syslog).toHaveLength(100);
    for (const line of bundle.syslog) {
      expect(noticeOrWorse.includes(line.severity) || bgpWords.test(line.text)).toBe(true);
    }
    const times = bundle.syslog.map((line) => Date.parse(line.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(bundle.syslog.some((line) => line.text.includes('BGP OPEN ERROR: Version mismatch'))).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(bundle.syslog))).toBeLessThanOrEqual(5_000_000);
    expect(bytes).toBe(Buffer.byteLength(JSON.stringify(bundle)));
    expect(bundle.bgp.find((s) => s.peer === 'PEER-GLOBAL-04')).toMatchObject({ peerLocation: 'Tokyo' });
    expect(bundle.metrics.find((m) => m.name === 'cpu_pct')?.samples).toHaveLength(30);
  });

  test("includes the peer's firmware upgrade among the recent changes", async () => {
    const { bundle } = await gatherTelemetryBundle(pool, alertFor(scenarioDeviceIds.bgpFlapping), new Date());
    expect(bundle.recentChanges).toContainEqual(
      expect.objectContaining({ target: 'PEER-GLOBAL-04', summary: expect.stringMatching(/firmware upgrade/i) }),
    );
    // The nine-day-old prefix-limit change is outside the 24-hour window.
    expect(bundle.recentChanges.some((c) => /maximum-prefix/.test(c.summary))).toBe(false);
  });

  test('stops at 5 MB even when fewer than 100 lines qualify', async () => {
    const deviceId = `TST-${randomUUID().slice(0, 8).toUpperCase()}`;
    await pool.query(
      `INSERT INTO devices (id, site, time_zone, team, vendor, model, firmware, role)
       VALUES ($1, 'Test', 'Australia/Sydney', 'core-network', 'Cisco', 'lab', 'IOS XR 7.9.2', 'lab')`,
      [deviceId],
    );
    try {
      const huge = `%BGP-3-NOTIFICATION: ${'x'.repeat(2_000_000)}`;
      for (const minutesAgo of [3, 2, 1]) {
        await pool.query(
          `INSERT INTO syslog_lines (device_id, at, severity, facility, text)
           VALUES ($1, now() - make_interval(mins => $2), 3, 'local7', $3)`,
          [deviceId, minutesAgo, `${huge} ${minutesAgo}`],
        );
      }
      const alert = { ...alertFor(scenarioDeviceIds.bgpFlapping), deviceId };
      const { bundle } = await gatherTelemetryBundle(pool, alert, new Date());
      expect(bundle.syslog.map((line) => line.text.slice(-2))).toEqual([' 2', ' 1']);
    } finally {
      await pool.query('DELETE FROM syslog_lines WHERE device_id = $1', [deviceId]);
      await pool.query('DELETE FROM devices WHERE id = $1', [deviceId]);
    }
  });

  test('an unknown device is a non-retryable NotFound', async () => {
    const alert = { ...alertFor(scenarioDeviceIds.bgpFlapping), deviceId: 'RTR-NOWHERE-99' };
    await expect(gatherTelemetryBundle(pool, alert, new Date())).rejects.toMatchObject(notFound);
    await expect(readRecovery(pool, 'RTR-NOWHERE-99', 'cpu_high')).rejects.toMatchObject(notFound);
  });

  test('the first saved bundle for a ref wins', async () => {
    const ref = `test-${randomUUID()}`;
    const { bundle, bytes } = await gatherTelemetryBundle(pool, alertFor(scenarioDeviceIds.cpuHigh), new Date());
    await saveTelemetryBundle(pool, ref, 'ALR-MEL01-CPU', bundle, bytes);
    await saveTelemetryBundle(pool, ref, 'ALR-MEL01-CPU', { ...bundle, syslog: [] }, 0);
    expect(await loadTelemetryBundle(pool, ref)).toEqual(bundle);
    await expect(loadTelemetryBundle(pool, `missing-${ref}`)).rejects.toMatchObject(notFound);
  });
});

describe('actions, verification, paging', () => {
  test('executing twice writes one row and reports the second as a duplicate', async () => {
    const input = {
      workflowId: `test-${randomUUID()}`,
      runId: randomUUID(),
      action: 'dispatch_field_tech' as const,
      deviceId: scenarioDeviceIds.interfaceDown,
      params: {},
      approvedBy: null,
      emergency: false,
    };
    const first = await executeAction(pool, input, new Date());
    const second = await executeAction(pool, input, new Date());
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ executionId: first.executionId, duplicate: true });
    const rows = await pool.query('SELECT count(*)::int AS n FROM action_executions WHERE workflow_id = $1', [
      input.workflowId,
    ]);
    expect(rows.rows[0].n).toBe(1);
    // The same fault back after this run closed is a new run of the same workflow id: it acts again.
    const recurrence = await executeAction(pool, { ...input, runId: randomUUID() }, new Date());
    expect(recurrence.duplicate).toBe(false);
    // Field work takes hours: nothing has recovered yet.
    expect((await readRecovery(pool, scenarioDeviceIds.interfaceDown, 'interface_down')).recovered).toBe(false);
  });

  test('reset_bgp_session on RTR-SYD-02 turns verification from failing to recovered', async () => {
    const deviceId = scenarioDeviceIds.bgpFlapping;
    const original = await pool.query('SELECT * FROM bgp_sessions WHERE device_id = $1', [deviceId]);
    try {
      // Re-assert the seeded fault in case another test already recovered it.
      await pool.query(
        `UPDATE bgp_sessions SET state = 'Active', flaps_last_hour = 8
          WHERE device_id = $1 AND peer_id = 'PEER-GLOBAL-04'`,
        [deviceId],
      );
      expect(await readRecovery(pool, deviceId, 'bgp_flapping')).toMatchObject({ recovered: false, value: 8 });
      const run = {
        workflowId: `test-${randomUUID()}`,
        runId: randomUUID(),
        action: 'reset_bgp_session' as const,
        deviceId,
        params: { peerId: 'PEER-GLOBAL-04' },
        approvedBy: 'eng.alice',
        emergency: false,
      };
      await executeAction(pool, run, new Date());
      expect(await readRecovery(pool, deviceId, 'bgp_flapping')).toEqual({
        recovered: true,
        metric: 'bgp_flaps_per_hour',
        value: 0,
        threshold: 2,
      });
    } finally {
      for (const row of original.rows) {
        await pool.query(
          `UPDATE bgp_sessions SET state = $3, flaps_last_hour = $4, last_change_at = $5
            WHERE device_id = $1 AND peer_id = $2`,
          [row.device_id, row.peer_id, row.state, row.flaps_last_hour, row.last_change_at],
        );
      }
    }
  });

  test('roster tiers come back in escalation order; an unknown team is NotFound', async () => {
    const roster = await loadRoster(pool, 'core-network');
    expect(roster.map((t) => t.tier)).toEqual([1, 2, 3]);
    expect(roster[0]?.engineers).toContain('eng.alice');
    await expect(loadRoster(pool, 'no-such-team')).rejects.toMatchObject(notFound);
  });

  test('a page is sent once per idempotency key', async () => {
    const page = {
      idempotencyKey: `test-${randomUUID()}`,
      team: 'core-network',
      tier: 1,
      engineerIds: ['eng.alice', 'eng.bruno'],
      deviceId: scenarioDeviceIds.bgpFlapping,
      kind: 'approval_request' as const,
      message: 'Approve reset_bgp_session on RTR-SYD-02?',
      workflowId: 'test-workflow',
    };
    const first = await sendPage(pool, page);
    expect(await sendPage(pool, page)).toEqual({ pageId: first.pageId, duplicate: true });
  });
});
