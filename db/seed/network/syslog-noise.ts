import type { Rng } from '../prng';
import { osFamily, type Device, type OsFamily } from './inventory';
import { minutesBefore, type SyslogLine } from './time';

type Template = readonly [severity: number, render: (r: Rng) => string];

const station = (r: Rng) => `10.50.0.${r.int(10, 40)}`;
const port = (r: Rng) => r.int(40000, 65000);
const user = (r: Rng) => r.pick(['netops', 'svc-backup', 'svc-monitor', 'eng.alice', 'eng.emma']);
const pid = (r: Rng) => r.int(1200, 9800);
const showCommands = ['show route summary', 'show chassis alarms', 'show system uptime', 'show interfaces terse'];

/*
 * Routine chatter a real device emits all day. It must never mention anything the telemetry pre-filter looks for
 * (BGP, CPU, process, link, LOS, config, ACL, denied, memory, alloc, …) or the filter test proves nothing.
 */
const cisco: readonly Template[] = [
  [6, (r) => `%SEC-6-IPACCESSLOGP: list VTY-IN permitted tcp ${station(r)}(${port(r)}) -> 10.0.0.1(22), 1 packet`],
  [6, (r) => `%SSH-6-SSH2_CLOSE: SSH2 Session from ${station(r)} (tty = ${r.int(0, 4)}) for user '${user(r)}' closed`],
  [6, (r) => `%NTP-6-PEERREACH: Peer 10.255.0.${r.int(1, 2)} is reachable`],
  [6, (r) => `%SYS-6-TTY_EXPIRE_TIMER: (exec timer expired, tty ${r.int(2, 6)} (${station(r)})), user ${user(r)}`],
  [6, () => '%SYS-6-LOGGINGHOST_STARTSTOP: Logging to host 10.50.0.12 port 514 started - reconnection'],
  [6, (r) => `%ENVMON-6-TEMP_OK: Inlet temperature sensor normal at ${r.int(22, 29)} Celsius`],
  [6, () => '%SMART_LIC-6-REPORTING_REQUIRED: A usage report acknowledgement is required in 30 days'],
  [7, (r) => `%AAA-7-ACCT: accounting record sent to 10.50.0.11 for user ${user(r)} (session ${r.int(1000, 9999)})`],
  [7, (r) => `%IP_SNMP-7-POLL: GET request from 10.50.0.30 served in ${r.int(2, 19)} ms`],
];
const ciscoNotice: readonly Template[] = [
  [5, (r) => `%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: ${user(r)}] [Source: ${station(r)}] [localport: 22]`],
];

const junos: readonly Template[] = [
  [6, (r) => `sshd[${pid(r)}]: Accepted publickey for ${user(r)} from ${station(r)} port ${port(r)} ssh2`],
  [6, (r) => `sshd[${pid(r)}]: Received disconnect from ${station(r)} port ${port(r)}:11: disconnected by user`],
  [6, (r) => `mgd[${pid(r)}]: UI_CMDLINE_READ_LINE: User '${user(r)}', command '${r.pick(showCommands)}'`],
  [6, (r) => `ntpd[${pid(r)}]: NTP Server 10.255.0.${r.int(1, 2)} is reachable`],
  [6, (r) => `chassisd[${pid(r)}]: CHASSISD_BLOWERS_SPEED: Fans and impellers are now running at normal speed`],
  [7, (r) => `/kernel: tcp_timer_keep: Dropping socket due to keepalive expiry, src ${station(r)}:${port(r)}`],
];
const junosNotice: readonly Template[] = [
  [5, (r) => `mgd[${pid(r)}]: UI_LOGIN_EVENT: User '${user(r)}' login, class 'j-operator' [${pid(r)}]`],
];

const eos: readonly Template[] = [
  [6, (r) => `Aaa: %ACCOUNTING-6-CMD: ${user(r)} vty${r.int(1, 5)} ${station(r)} stop service=shell cmd=show version`],
  [6, (r) => `Stp: %SPANTREE-6-INTERFACE_ADD: Interface Ethernet${r.int(1, 48)} has been added to instance MST0`],
  [6, (r) => `Ntp: %NTP-6-SYNC: synchronised to 10.255.0.${r.int(1, 2)}, stratum 2`],
  [7, (r) => `Sflow: %SFLOW-7-EXPORT: exported ${r.int(80, 400)} samples to 10.50.0.31`],
];
const eosNotice: readonly Template[] = [
  [5, (r) => `Aaa: %AAA-5-LOGIN: user ${user(r)} logged in from ${station(r)} on vty${r.int(1, 5)}`],
];

const templates: Record<OsFamily, { routine: readonly Template[]; notice: readonly Template[]; facility: string }> = {
  'IOS XR': { routine: cisco, notice: ciscoNotice, facility: 'local7' },
  'IOS XE': { routine: cisco, notice: ciscoNotice, facility: 'local7' },
  Junos: { routine: junos, notice: junosNotice, facility: 'daemon' },
  EOS: { routine: eos, notice: eosNotice, facility: 'local4' },
};

/**
 * A day of unrelated lines per device, plus a denser last two hours on the devices with a fault, so the relevant
 * lines are buried the way they are in production. A few notice-level logins pass the severity filter on purpose.
 */
export function noiseLines(device: Device, referenceTime: Date, rng: Rng, busy: boolean): SyslogLine[] {
  const { routine, notice, facility } = templates[osFamily(device)];
  const line = ([severity, render]: Template, minutesAgo: number): SyslogLine => ({
    deviceId: device.id,
    at: minutesBefore(referenceTime, minutesAgo),
    severity,
    facility,
    text: render(rng),
  });
  const lines: SyslogLine[] = [];
  const dayCount = rng.int(260, 340);
  for (let i = 0; i < dayCount; i += 1) lines.push(line(rng.pick(routine), rng.next() * 1440));
  const noticeCount = rng.int(18, 26);
  for (let i = 0; i < noticeCount; i += 1) lines.push(line(rng.pick(notice), rng.next() * 1440));
  const recentCount = busy ? rng.int(140, 180) : 0;
  for (let i = 0; i < recentCount; i += 1) lines.push(line(rng.pick(routine), rng.next() * 120));
  return lines;
}
