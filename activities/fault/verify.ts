import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ErrorTypes } from '../../domain/errors';
import { alertTypes, type Alert } from '../../domain/fault/alert';
import { parseInput } from '../boundary';

/** The one reading that says whether each kind of fault is over; the BGP and interface ones come from state tables. */
export const keyMetrics: Record<Alert['alertType'], string> = {
  bgp_flapping: 'bgp_flaps_per_hour',
  cpu_high: 'cpu_pct',
  interface_down: 'interfaces_down',
  config_error: 'mgmt_reachability_pct',
  memory_high: 'memory_pct',
};

const notFound = (message: string) =>
  ApplicationFailure.create({ type: ErrorTypes.NotFound, message, nonRetryable: true });

/** Current value of the key metric, plus anything else that must hold for "recovered" (every session Established). */
async function currentReading(pool: Pool, deviceId: string, metric: string) {
  if (metric === 'bgp_flaps_per_hour') {
    const { rows } = await pool.query(
      `SELECT coalesce(max(flaps_last_hour), 0)::float8 AS value, coalesce(bool_and(state = 'Established'), false) AS ok,
              count(*)::int AS n
         FROM bgp_sessions WHERE device_id = $1`,
      [deviceId],
    );
    return rows[0].n > 0 ? { value: rows[0].value as number, ok: rows[0].ok as boolean } : null;
  }
  if (metric === 'interfaces_down') {
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE oper_status = 'down')::float8 AS value, count(*)::int AS n
         FROM interface_stats WHERE device_id = $1`,
      [deviceId],
    );
    return rows[0].n > 0 ? { value: rows[0].value as number, ok: true } : null;
  }
  const { rows } = await pool.query(
    'SELECT value FROM metric_samples WHERE device_id = $1 AND metric = $2 ORDER BY at DESC LIMIT 1',
    [deviceId, metric],
  );
  return rows[0] ? { value: rows[0].value as number, ok: true } : null;
}

/** Re-reads the fault's key metric and judges it against metric_definitions, never against the model's opinion. */
export async function readRecovery(
  pool: Pool,
  deviceId: string,
  alertType: string,
): Promise<{ recovered: boolean; metric: string; value: number; threshold: number }> {
  const metric = keyMetrics[parseInput(z.enum(alertTypes), alertType, 'readRecovery')];
  const [device, definition] = await Promise.all([
    pool.query('SELECT 1 FROM devices WHERE id = $1', [deviceId]),
    pool.query('SELECT threshold, direction FROM metric_definitions WHERE metric = $1', [metric]),
  ]);
  if (device.rowCount === 0) throw notFound(`unknown device ${deviceId}`);
  if (!definition.rows[0]) throw notFound(`no definition for metric ${metric}`);
  const reading = await currentReading(pool, deviceId, metric);
  if (!reading) throw notFound(`no ${metric} reading for ${deviceId}`);
  const { threshold, direction } = definition.rows[0] as { threshold: number; direction: 'above' | 'below' };
  const withinThreshold = direction === 'above' ? reading.value <= threshold : reading.value >= threshold;
  return { recovered: reading.ok && withinThreshold, metric, value: reading.value, threshold };
}
