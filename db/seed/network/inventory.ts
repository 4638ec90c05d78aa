import { z } from 'zod';
import inventoryJson from './inventory.json';

export const sampledMetrics = [
  'cpu_pct',
  'memory_pct',
  'packet_loss_pct',
  'latency_ms',
  'mgmt_reachability_pct',
  'optical_rx_dbm',
] as const;
export type SampledMetric = (typeof sampledMetrics)[number];

const deviceSchema = z.object({
  id: z.string().regex(/^(RTR|SW)-[A-Z]{3}-\d{2}$/),
  site: z.string().min(1),
  timeZone: z.enum([
    'Australia/Sydney',
    'Australia/Melbourne',
    'Australia/Brisbane',
    'Australia/Perth',
    'Australia/Adelaide',
  ]),
  team: z.enum(['core-network', 'access-network']),
  vendor: z.enum(['Cisco', 'Juniper', 'Arista']),
  model: z.string().min(1),
  firmware: z.string().regex(/^(IOS XR|IOS XE|Junos|EOS) /),
  role: z.string().min(1),
  metricBase: z.partialRecord(z.enum(sampledMetrics), z.number()).optional(),
  interfaces: z.array(z.string()).optional(),
});
export type Device = z.infer<typeof deviceSchema>;

const inventorySchema = z.object({
  devices: z.array(deviceSchema).min(1),
  peers: z.array(
    z.object({
      id: z.string().regex(/^PEER-/),
      name: z.string(),
      location: z.string(),
      asn: z.number().int(),
      address: z.ipv4(),
    }),
  ),
  sessions: z.array(
    z.object({
      device: z.string(),
      peer: z.string(),
      state: z.enum(['Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established']),
      flapsLastHour: z.number().int().min(0),
      lastChangeMinutesAgo: z.number().min(0),
    }),
  ),
  interfaceOverrides: z.array(
    z.object({
      device: z.string(),
      name: z.string(),
      operStatus: z.enum(['up', 'down', 'admin-down']),
      errorsLastHour: z.number().int().min(0),
      utilisationPct: z.number().min(0).max(100),
    }),
  ),
  changes: z.array(
    z.object({ target: z.string(), minutesAgo: z.number().min(0), summary: z.string(), author: z.string() }),
  ),
  roster: z.array(
    z.object({
      team: z.string(),
      tier: z.number().int().min(1).max(3),
      engineerId: z.string().regex(/^eng\.[a-z]+$/),
      displayName: z.string(),
    }),
  ),
  metricDefinitions: z.array(
    z.object({
      metric: z.string(),
      unit: z.string(),
      baseline: z.number(),
      threshold: z.number(),
      direction: z.enum(['above', 'below']),
    }),
  ),
});

// Parsed rather than cast so a typo in the JSON fails the seed instead of writing a half-valid network.
export const inventory = inventorySchema.parse(inventoryJson);

const deviceIds = new Set(inventory.devices.map((d) => d.id));
const peerIds = new Set(inventory.peers.map((p) => p.id));
for (const ref of [...inventory.sessions.map((s) => s.device), ...inventory.interfaceOverrides.map((o) => o.device)]) {
  if (!deviceIds.has(ref)) throw new Error(`network inventory: unknown device ${ref}`);
}
for (const change of inventory.changes) {
  if (!deviceIds.has(change.target) && !peerIds.has(change.target)) {
    throw new Error(`network inventory: change targets unknown ${change.target}`);
  }
}

export type OsFamily = 'IOS XR' | 'IOS XE' | 'Junos' | 'EOS';
export const osFamily = (device: Device): OsFamily => {
  const family = (['IOS XR', 'IOS XE', 'Junos', 'EOS'] as const).find((f) => device.firmware.startsWith(`${f} `));
  if (!family) throw new Error(`network inventory: unknown OS for ${device.id}`);
  return family;
};

export const isSwitch = (device: Device) => device.id.startsWith('SW-');
