import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { ErrorTypes } from '../../domain/errors';
import type { Alert } from '../../domain/fault/alert';
import type { TelemetryBundle } from '../../domain/fault/telemetry';
import { relevantSyslog } from './syslog-filter';

const lookback = "interval '24 hours'";
const sampleCount = 30;

const notFound = (message: string) =>
  ApplicationFailure.create({ type: ErrorTypes.NotFound, message, nonRetryable: true });

async function metricSnapshot(pool: Pool, deviceId: string, now: Date): Promise<TelemetryBundle['metrics']> {
  const { rows } = await pool.query(
    `SELECT d.metric, d.unit, d.baseline, recent.samples
       FROM metric_definitions d
       CROSS JOIN LATERAL (
         SELECT array_agg(value ORDER BY at) AS samples
           FROM (SELECT value, at FROM metric_samples
                  WHERE device_id = $1 AND metric = d.metric AND at <= $2 AND at > $2::timestamptz - ${lookback}
                  ORDER BY at DESC LIMIT $3) last_samples
       ) recent
      WHERE recent.samples IS NOT NULL
      ORDER BY d.metric`,
    [deviceId, now, sampleCount],
  );
  return rows.map((row) => ({
    name: row.metric,
    unit: row.unit,
    latest: row.samples[row.samples.length - 1],
    baseline: row.baseline,
    samples: row.samples,
  }));
}

/** Everything the diagnosis needs about one device, read as of `now` so a retry sees the same window. */
export async function gatherTelemetryBundle(
  pool: Pool,
  alert: Alert,
  now: Date,
): Promise<{ bundle: TelemetryBundle; bytes: number }> {
  const device = await pool.query(
    'SELECT id, site, time_zone, team, vendor, firmware, role FROM devices WHERE id = $1',
    [alert.deviceId],
  );
  const row = device.rows[0];
  if (!row) throw notFound(`unknown device ${alert.deviceId}`);
  const [syslog, metrics, changes, bgp, interfaces] = await Promise.all([
    relevantSyslog(pool, alert, now),
    metricSnapshot(pool, alert.deviceId, now),
    // A peer's maintenance is as likely a cause as our own change, so peers' changes come along.
    pool.query(
      `SELECT at, target, summary, author FROM change_log
        WHERE (target = $1 OR target IN (SELECT peer_id FROM bgp_sessions WHERE device_id = $1))
          AND at <= $2 AND at > $2::timestamptz - ${lookback}
        ORDER BY at, id`,
      [alert.deviceId, now],
    ),
    pool.query(
      `SELECT s.peer_id, p.name, p.location, p.asn, host(p.address) AS address, s.state, s.flaps_last_hour
         FROM bgp_sessions s JOIN bgp_peers p ON p.id = s.peer_id
        WHERE s.device_id = $1 ORDER BY s.peer_id`,
      [alert.deviceId],
    ),
    pool.query(
      `SELECT name, oper_status, errors_last_hour, utilisation_pct FROM interface_stats
        WHERE device_id = $1 ORDER BY name`,
      [alert.deviceId],
    ),
  ]);
  const bundle: TelemetryBundle = {
    device: {
      id: row.id,
      site: row.site,
      timeZone: row.time_zone,
      team: row.team,
      vendor: row.vendor,
      firmware: row.firmware,
      role: row.role,
    },
    alert,
    syslog,
    metrics,
    recentChanges: changes.rows.map((c) => ({
      at: (c.at as Date).toISOString(),
      target: c.target,
      summary: c.summary,
      author: c.author,
    })),
    bgp: bgp.rows.map((s) => ({
      peer: s.peer_id,
      // Syslog names a neighbour only by address; carrying it here lets the lines be matched to the peer.
      peerName: `${s.name} (${s.address}, AS${s.asn})`,
      peerLocation: s.location,
      state: s.state,
      flapsLastHour: s.flaps_last_hour,
    })),
    interfaces: interfaces.rows.map((i) => ({
      name: i.name,
      operStatus: i.oper_status,
      errorsLastHour: i.errors_last_hour,
      utilisationPct: i.utilisation_pct,
    })),
  };
  return { bundle, bytes: Buffer.byteLength(JSON.stringify(bundle)) };
}

/** Retries reuse the ref, so the first bundle wins and the diagnosis always reads what the alert started with. */
export async function saveTelemetryBundle(
  pool: Pool,
  ref: string,
  alertId: string,
  bundle: TelemetryBundle,
  bytes: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO telemetry_bundles (ref, device_id, alert_id, bundle, bytes) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (ref) DO NOTHING`,
    [ref, bundle.device.id, alertId, JSON.stringify(bundle), bytes],
  );
}

export async function loadTelemetryBundle(pool: Pool, ref: string): Promise<TelemetryBundle> {
  const result = await pool.query('SELECT bundle FROM telemetry_bundles WHERE ref = $1', [ref]);
  if (!result.rows[0]) throw notFound(`unknown telemetry bundle ${ref}`);
  return result.rows[0].bundle as TelemetryBundle;
}
