import type { Rng } from '../prng';
import { scenarioDeviceIds as ids } from './scenarios';
import { minutesBefore, type SyslogLine } from './time';

type Log = (minutesAgo: number, severity: number, text: string) => void;

/** PEER-GLOBAL-04 came back from its upgrade at R−120 and has cycled since: 3 minutes down, 5 up, down again at R−3. */
function bgpFlapping(log: Log): void {
  const peer = 'neighbor 203.0.113.45';
  for (let cycle = 0; cycle < 15; cycle += 1) {
    const down = 115 - cycle * 8;
    log(down, 3, `%BGP-3-NOTIFICATION: received from ${peer} 2/1 (unsupported version number) 2 bytes 0004`);
    log(down - 0.005, 5, `%BGP-5-ADJCHANGE: ${peer} Down BGP Notification received`);
    log(down - 0.01, 5, `%BGP_SESSION-5-ADJCHANGE: ${peer} IPv4 Unicast topology base removed from session`);
    for (const retry of [1, 2]) {
      log(
        down - retry,
        3,
        `%BGP-3-BADOPEN: BGP OPEN ERROR: Version mismatch from ${peer} (AS 64500): offered 3, local 4`,
      );
    }
    if (down > 3) log(down - 3, 5, `%BGP-5-ADJCHANGE: ${peer} Up`);
  }
}

/** A new poller's full-table SNMP walks pin the CPU from R−30. */
function cpuHog(log: Log, rng: Rng): void {
  log(34, 5, '%SYS-5-CONFIG_I: Configured from console by eng.chen on vty0 (10.20.1.7)');
  for (let minutesAgo = 30; minutesAgo > 0; minutesAgo -= 1.5) {
    const held = `(${rng.int(2004, 4890)})msecs, more than (2000)msecs (${rng.int(0, 9)}/${rng.int(0, 3)})`;
    log(minutesAgo, 3, `%SYS-3-CPUHOG: Task is running for ${held}, Process = "SNMP ENGINE"`);
    if (rng.chance(0.5)) {
      log(
        minutesAgo - 0.3,
        4,
        '%SNMP-4-HIGHCPU: Process exceeds 200ms threshold (200ms IOS quantum) for GET of ipRoute',
      );
    }
    if (rng.chance(0.25)) log(minutesAgo - 0.6, 3, '%SNMP-3-INPUT_QFULL_ERR: Packet dropped due to input queue full');
  }
}

/** Civil works cut the uplink fibre at R−18; the optics keep re-raising loss of signal. */
function fibreCut(log: Log): void {
  const port = 'TenGigE0/0/1';
  log(18, 2, `%PLATFORM-OPTICS-2-RX_LOS: ${port}: Rx loss of signal (LOS) alarm declared, Rx power -40.00 dBm`);
  log(17.99, 3, `%LINK-3-UPDOWN: Interface ${port}, changed state to down`);
  log(17.98, 5, `%LINEPROTO-5-UPDOWN: Line protocol on Interface ${port}, changed state to down`);
  log(17.95, 5, `%ROUTING-ISIS-5-ADJCHANGE: Adjacency to RTR-BNE-01 (${port}) (L2) Down, Interface state down`);
  for (let minutesAgo = 15; minutesAgo > 0; minutesAgo -= 3) {
    log(minutesAgo, 3, `%PKT_INFRA-FM-3-FAULT_MAJOR: ALARM_MAJOR :LOS :DECLARE :0/0/CPU0: ${port}`);
  }
}

/** An automation account replaced the management ACL and export policy at R−40; both were wrong. */
function badConfigPush(log: Log, rng: Rng): void {
  const cmd = '%PARSER-5-CFGLOG_LOGGEDCMD: User:svc-netauto logged command:';
  log(40, 5, '%SYS-5-CONFIG_I: Configured from console by svc-netauto on vty2 (10.50.0.21)');
  log(39.99, 5, `${cmd}ip access-list extended MGMT-IN`);
  log(39.98, 5, `${cmd}10 permit tcp 10.60.0.0 0.0.255.255 any`);
  log(39.97, 5, `${cmd}route-map EXPORT-PER deny 10`);
  log(39.5, 4, '%BGP-4-POLICY_CHANGE: route-map EXPORT-PER applied to neighbor 198.51.100.9; 1184 prefixes withdrawn');
  // IOS rate-limits ACL logging, so a line every minute or two per flow rather than one per packet.
  for (let minutesAgo = 39; minutesAgo > 0; minutesAgo -= 2) {
    const ssh = `10.50.0.${rng.int(10, 40)}(${rng.int(40000, 65000)}) -> 10.0.8.1(22), 1 packet`;
    log(minutesAgo, 6, `%SEC-6-IPACCESSLOGP: list MGMT-IN denied tcp ${ssh}`);
    const snmp = `10.50.0.30(${rng.int(40000, 65000)}) -> 10.0.8.1(161), 14 packets`;
    log(minutesAgo - 1, 6, `%SEC-6-IPACCESSLOGP: list MGMT-IN denied udp ${snmp}`);
    // The new ACL also drops the AAA servers' replies, so logins on the device itself start failing.
    if (minutesAgo % 6 === 1)
      log(minutesAgo - 0.5, 3, '%TACACS-3-ALLDEADSERVER: Group TACACS-MGMT: No active servers found');
  }
}

/** Free memory has drained for days; allocations now fail in whichever process asks next. */
function memoryLeak(log: Log, rng: Rng): void {
  const smand = 'R0/0: smand: RP/0: Used Memory value';
  log(1200, 4, `%PLATFORM-4-ELEMENT_WARNING: ${smand} 91% exceeds warning level 90%`);
  log(360, 4, `%PLATFORM-4-ELEMENT_WARNING: ${smand} 94% exceeds warning level 90%`);
  log(12, 2, `%PLATFORM-2-ELEMENT_CRITICAL: ${smand} 97% exceeds critical level 95%`);
  for (let minutesAgo = 90; minutesAgo > 0; minutesAgo -= rng.int(5, 10)) {
    const failed = `${rng.pick([65548, 131084, 32780])} bytes failed from 0x7F3A${rng.int(1000, 9999)}, alignment 0`;
    const pool = `Pool: Processor Free: ${rng.int(400000, 900000)} Cause: Memory fragmentation`;
    const process = `-Process= "${rng.pick(['IP Input', 'BGP Router', 'SNMP ENGINE', 'CEF background'])}"`;
    log(
      minutesAgo,
      2,
      `%SYS-2-MALLOCFAIL: Memory allocation of ${failed} ${pool} ${process}, pid= ${rng.int(80, 400)}`,
    );
  }
}

/** The relevant lines of the five fault scenarios, buried later among each device's noise. */
export function scenarioLines(referenceTime: Date, rng: Rng): SyslogLine[] {
  const lines: SyslogLine[] = [];
  const logFor =
    (deviceId: string): Log =>
    (minutesAgo, severity, text) =>
      lines.push({ deviceId, at: minutesBefore(referenceTime, minutesAgo), severity, facility: 'local7', text });
  bgpFlapping(logFor(ids.bgpFlapping));
  cpuHog(logFor(ids.cpuHigh), rng);
  fibreCut(logFor(ids.interfaceDown));
  badConfigPush(logFor(ids.configError), rng);
  memoryLeak(logFor(ids.memoryHigh), rng);
  return lines;
}
