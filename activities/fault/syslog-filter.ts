import type { Pool } from 'pg';
import type { Alert } from '../../domain/fault/alert';
import type { TelemetryBundle } from '../../domain/fault/telemetry';

export const syslogLineLimit = 100;
// Decimal megabytes: the smaller reading of "5 MB", so the cap holds whichever one a reader assumes.
export const syslogByteLimit = 5_000_000;

/**
 * Words that make a line worth the model's attention for each kind of fault, as PostgreSQL word-bounded regexes.
 * Anything at notice (5) or worse is kept whatever it says; below that only these get through.
 */
export const relevanceKeywords: Record<Alert['alertType'], string> = {
  bgp_flapping: '\\m(BGP|ADJCHANGE|OPEN|NOTIFICATION|neighbor)\\M',
  cpu_high: '\\m(CPU|CPUHOG|HIGHCPU|process|hog)\\M',
  interface_down: '\\m(LINK|LINEPROTO|UPDOWN|LOS|optics?|TenGigE[0-9/]+)\\M',
  config_error: '\\m(CONFIG_I|CONFIG|access-list|ACL|denied|route-map|withdrawn|commit|rollback)\\M',
  memory_high: '\\m(MALLOCFAIL|memory|alloc|allocation|fragmentation)\\M',
};

const severityNames = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'];
const lookback = "interval '24 hours'";

/**
 * Newest first from the database, then cut at whichever of the line and byte limits comes first. The database
 * applies the byte limit too, so one pathological multi-megabyte line is never shipped just to be dropped.
 */
export async function relevantSyslog(pool: Pool, alert: Alert, now: Date): Promise<TelemetryBundle['syslog']> {
  const { rows } = await pool.query(
    `WITH newest AS (
       SELECT id, at, severity, text FROM syslog_lines
        WHERE device_id = $1 AND at <= $2 AND at > $2::timestamptz - ${lookback} AND (severity <= 5 OR text ~* $3)
        ORDER BY at DESC, id DESC LIMIT $4)
     SELECT at, severity, text
       FROM (SELECT *, sum(octet_length(text)) OVER (ORDER BY at DESC, id DESC) AS running FROM newest) sized
      WHERE running <= $5
      ORDER BY at DESC, id DESC`,
    [alert.deviceId, now, relevanceKeywords[alert.alertType], syslogLineLimit, syslogByteLimit],
  );
  const kept: TelemetryBundle['syslog'] = [];
  let bytes = 0;
  for (const row of rows) {
    const line = {
      at: (row.at as Date).toISOString(),
      severity: severityNames[row.severity] ?? 'debug',
      text: row.text,
    };
    bytes += Buffer.byteLength(JSON.stringify(line));
    if (bytes > syslogByteLimit) break;
    kept.push(line);
  }
  return kept.reverse();
}
