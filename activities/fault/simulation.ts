import type { PoolClient } from 'pg';
import type { ActionType } from '../../domain/fault/catalog';

/*
 * There is no real network behind Switchboard: executing an action writes the effect it would have had, in the same
 * transaction as the execution record, so verification reads a recovery (or its absence) like it would from
 * monitoring. Effects, all stamped at the execution's `now`:
 *   reset_bgp_session, contact_peer_noc  the device's unhealthy BGP sessions (or only params.peerId's) become
 *                                        Established with 0 flaps; a peer NOC fixing its side ends the flapping too.
 *   restart_process, drain_traffic       a CPU in breach gets a baseline sample: the runaway process is gone, or
 *                                        the load moved to redundant paths.
 *   rollback_config                      management reachability and packet loss in breach get baseline samples.
 *   reboot_device                        memory and CPU in breach get baseline samples: a reboot frees leaked memory.
 *   dispatch_field_tech, escalate_vendor nothing: a fibre splice takes hours and a vendor case days, so the fault
 *                                        is still there when verification looks.
 * "In breach" is judged against metric_definitions, so a healthy device is left exactly as it was.
 */
const metricsRestored: Partial<Record<ActionType, readonly string[]>> = {
  restart_process: ['cpu_pct'],
  drain_traffic: ['cpu_pct'],
  rollback_config: ['mgmt_reachability_pct', 'packet_loss_pct'],
  reboot_device: ['memory_pct', 'cpu_pct'],
};

export async function applySimulatedEffect(
  client: PoolClient,
  action: ActionType,
  deviceId: string,
  params: Record<string, unknown>,
  now: Date,
): Promise<void> {
  if (action === 'reset_bgp_session' || action === 'contact_peer_noc') {
    const peerId = typeof params.peerId === 'string' ? params.peerId : null;
    await client.query(
      `UPDATE bgp_sessions SET state = 'Established', flaps_last_hour = 0, last_change_at = $3
        WHERE device_id = $1 AND ($2::text IS NULL OR peer_id = $2)
          AND (state <> 'Established' OR flaps_last_hour > 0)`,
      [deviceId, peerId, now],
    );
    return;
  }
  const metrics = metricsRestored[action];
  if (!metrics) return;
  await client.query(
    `INSERT INTO metric_samples (device_id, metric, at, value)
     SELECT $1, d.metric, $3, d.baseline
       FROM metric_definitions d
       CROSS JOIN LATERAL (SELECT value FROM metric_samples s
                            WHERE s.device_id = $1 AND s.metric = d.metric ORDER BY s.at DESC LIMIT 1) latest
      WHERE d.metric = ANY($2::text[])
        AND CASE d.direction WHEN 'above' THEN latest.value > d.threshold ELSE latest.value < d.threshold END`,
    [deviceId, metrics, now],
  );
}
