import { inventory, osFamily, type Device, type OsFamily } from './inventory';
import { minutesBefore, rngFor, round } from './time';

const portNames: Record<OsFamily, readonly string[]> = {
  'IOS XR': ['HundredGigE0/0/0/0', 'HundredGigE0/0/0/1', 'TenGigE0/0/0/4', 'MgmtEth0/RSP0/CPU0/0'],
  'IOS XE': ['TenGigabitEthernet0/0/0', 'TenGigabitEthernet0/0/1', 'GigabitEthernet0/0/2', 'GigabitEthernet0'],
  Junos: ['et-0/0/0', 'et-0/0/1', 'xe-0/1/0', 'fxp0'],
  EOS: ['Ethernet1/1', 'Ethernet2/1', 'Ethernet49/1', 'Management1'],
};
const isManagement = (name: string) => /^(Mgmt|fxp|Management|GigabitEthernet0$)/.test(name);

export function interfaceRows(devices: readonly Device[], referenceTime: Date) {
  const overrides = new Map(inventory.interfaceOverrides.map((o) => [`${o.device} ${o.name}`, o]));
  return devices.flatMap((device) => {
    const rng = rngFor(`interfaces:${device.id}`);
    return (device.interfaces ?? portNames[osFamily(device)]).map((name, index) => {
      const management = isManagement(name);
      // Some spare third ports are shut on purpose: admin-down is not a fault.
      const spare = index === 2 && rng.chance(0.2);
      const seeded = {
        operStatus: spare ? 'admin-down' : 'up',
        errorsLastHour: spare || !rng.chance(0.15) ? 0 : rng.int(1, 6),
        utilisationPct: spare ? 0 : management ? round(0.2 + rng.next() * 1.5) : round(12 + rng.next() * 53),
      };
      const row = { ...seeded, ...overrides.get(`${device.id} ${name}`) };
      return [device.id, name, row.operStatus, row.errorsLastHour, row.utilisationPct, referenceTime];
    });
  });
}

export const bgpSessionRows = (referenceTime: Date) =>
  inventory.sessions.map((s) => [
    s.device,
    s.peer,
    s.state,
    s.flapsLastHour,
    minutesBefore(referenceTime, s.lastChangeMinutesAgo),
  ]);

/** Ids follow time order, so the newest change has the highest id whatever the reference time. */
export const changeRows = (referenceTime: Date) =>
  [...inventory.changes]
    .sort((a, b) => b.minutesAgo - a.minutesAgo || a.target.localeCompare(b.target))
    .map((c, index) => [
      `NCHG-${String(index + 1).padStart(4, '0')}`,
      c.target,
      minutesBefore(referenceTime, c.minutesAgo),
      c.summary,
      c.author,
    ]);
