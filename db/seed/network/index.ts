import type { PoolClient } from 'pg';
import { insertRows } from '../sql';
import { inventory } from './inventory';
import { metricSamples } from './metrics';
import { bgpSessionRows, changeRows, interfaceRows } from './state';
import { scenarioDeviceIds, faultScenarios, scenarioAlerts } from './scenarios';
import { noiseLines } from './syslog-noise';
import { scenarioLines } from './syslog-scenarios';
import { rngFor } from './time';

export { faultScenarios, scenarioAlerts, scenarioDeviceIds };

/*
 * Reference data only. telemetry_bundles, pages and action_executions are what workflows recorded and survive a
 * reseed. No CASCADE: if anything ever references these tables, the TRUNCATE fails instead of emptying it.
 */
export const networkTables = [
  'devices',
  'bgp_peers',
  'bgp_sessions',
  'interface_stats',
  'metric_definitions',
  'metric_samples',
  'syslog_lines',
  'change_log',
  'oncall_roster',
];

/** Rewrites the simulated network as it stands at `referenceTime`. Same reference time, same rows. */
export async function seedNetwork(client: PoolClient, referenceTime: Date): Promise<Record<string, number>> {
  if (Number.isNaN(referenceTime.getTime())) throw new Error('seedNetwork: invalid reference time');
  const { devices } = inventory;
  const busy = new Set<string>(Object.values(scenarioDeviceIds));
  const syslog = [
    ...devices.flatMap((d) => noiseLines(d, referenceTime, rngFor(`syslog:${d.id}`), busy.has(d.id))),
    ...scenarioLines(referenceTime, rngFor('syslog:scenarios')),
  ].sort((a, b) => a.deviceId.localeCompare(b.deviceId) || a.at.getTime() - b.at.getTime());

  await client.query(`TRUNCATE TABLE ${networkTables.join(', ')} RESTART IDENTITY`);
  const insert = (table: string, columns: string[], rows: readonly (readonly unknown[])[]) =>
    insertRows(client, table, columns, rows);
  return {
    devices: await insert(
      'devices',
      ['id', 'site', 'time_zone', 'team', 'vendor', 'model', 'firmware', 'role'],
      devices.map((d) => [d.id, d.site, d.timeZone, d.team, d.vendor, d.model, d.firmware, d.role]),
    ),
    bgpPeers: await insert(
      'bgp_peers',
      ['id', 'name', 'location', 'asn', 'address'],
      inventory.peers.map((p) => [p.id, p.name, p.location, p.asn, p.address]),
    ),
    bgpSessions: await insert(
      'bgp_sessions',
      ['device_id', 'peer_id', 'state', 'flaps_last_hour', 'last_change_at'],
      bgpSessionRows(referenceTime),
    ),
    interfaceStats: await insert(
      'interface_stats',
      ['device_id', 'name', 'oper_status', 'errors_last_hour', 'utilisation_pct', 'updated_at'],
      interfaceRows(devices, referenceTime),
    ),
    metricDefinitions: await insert(
      'metric_definitions',
      ['metric', 'unit', 'baseline', 'threshold', 'direction'],
      inventory.metricDefinitions.map((m) => [m.metric, m.unit, m.baseline, m.threshold, m.direction]),
    ),
    metricSamples: await insert(
      'metric_samples',
      ['device_id', 'metric', 'at', 'value'],
      metricSamples(devices, referenceTime),
    ),
    syslogLines: await insert(
      'syslog_lines',
      ['device_id', 'at', 'severity', 'facility', 'text'],
      syslog.map((l) => [l.deviceId, l.at, l.severity, l.facility, l.text]),
    ),
    changeLog: await insert('change_log', ['id', 'target', 'at', 'summary', 'author'], changeRows(referenceTime)),
    oncallRoster: await insert(
      'oncall_roster',
      ['team', 'tier', 'engineer_id', 'display_name'],
      inventory.roster.map((r) => [r.team, r.tier, r.engineerId, r.displayName]),
    ),
  };
}
