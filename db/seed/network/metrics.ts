import type { Rng } from '../prng';
import { isSwitch, sampledMetrics, type Device, type SampledMetric } from './inventory';
import { scenarioDeviceIds as ids } from './scenarios';
import { minutesBefore, rngFor, round } from './time';

export type SampleRow = [deviceId: string, metric: SampledMetric, at: Date, value: number];

const windowMinutes = 120;
/** The leak runs for five days before the reference time, from a normal 58% to 97%. */
const leakMinutes = 5 * 1440;
const leak = (minutesAgo: number) => 97 - ((97 - 58) * minutesAgo) / leakMinutes;

type Overlay = (minutesAgo: number, healthy: number, rng: Rng) => number;

/** How each fault bends its device's otherwise healthy curves. */
const overlays: Record<string, Partial<Record<SampledMetric, Overlay>>> = {
  [ids.cpuHigh]: { cpu_pct: (m, v, rng) => (m < 30 ? 91.5 + rng.next() * 7 : v) },
  [ids.interfaceDown]: { optical_rx_dbm: (m, v) => (m < 18 ? -40 : v) },
  [ids.configError]: {
    mgmt_reachability_pct: (m, v) => (m < 40 ? 0 : v),
    packet_loss_pct: (m, v, rng) => (m < 40 ? 16 + rng.next() * 5 : v),
  },
  // No jitter on the leak: it climbs a few hundredths a minute, and any noise would hide the trend in 30 samples.
  [ids.memoryHigh]: { memory_pct: (m) => leak(m) },
};

function healthyCurve(device: Device, metric: SampledMetric, rng: Rng): (minutesAgo: number) => number {
  const fixed = device.metricBase?.[metric];
  const phase = rng.next() * Math.PI * 2;
  switch (metric) {
    case 'cpu_pct': {
      const base = fixed ?? rng.int(18, 42);
      // A pinned base (the worked example's 45%) stays close to it; others wander like real load.
      const swing = fixed === undefined ? 3 : 0.6;
      return (m) => base + swing * Math.sin(m / 9 + phase) + (rng.next() - 0.5) * swing;
    }
    case 'memory_pct': {
      const base = fixed ?? rng.int(38, 64);
      return () => base + (rng.next() - 0.5) * 0.6;
    }
    case 'packet_loss_pct':
      return () => rng.next() * 0.03;
    case 'latency_ms': {
      const base = fixed ?? 2 + rng.next() * 7;
      return () => base + rng.next() * 1.5;
    }
    case 'mgmt_reachability_pct':
      return () => 100;
    case 'optical_rx_dbm': {
      const base = fixed ?? -(5 + rng.next() * 3);
      return () => base + (rng.next() - 0.5) * 0.2;
    }
  }
}

/** One sample a minute for the last two hours on every device; hourly history for the memory leak's slow climb. */
export function metricSamples(devices: readonly Device[], referenceTime: Date): SampleRow[] {
  const rows: SampleRow[] = [];
  for (const device of devices) {
    const rng = rngFor(`metrics:${device.id}`);
    const metrics = sampledMetrics.filter((metric) => metric !== 'optical_rx_dbm' || isSwitch(device));
    for (const metric of metrics) {
      const healthy = healthyCurve(device, metric, rng);
      const overlay = overlays[device.id]?.[metric];
      for (let minutesAgo = windowMinutes - 1; minutesAgo >= 0; minutesAgo -= 1) {
        const normal = healthy(minutesAgo);
        const value = overlay ? overlay(minutesAgo, normal, rng) : normal;
        rows.push([device.id, metric, minutesBefore(referenceTime, minutesAgo), round(value, 2)]);
      }
    }
  }
  for (let minutesAgo = leakMinutes; minutesAgo >= windowMinutes; minutesAgo -= 60) {
    rows.push([ids.memoryHigh, 'memory_pct', minutesBefore(referenceTime, minutesAgo), round(leak(minutesAgo), 2)]);
  }
  return rows;
}
