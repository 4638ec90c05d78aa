import type { Alert, Diagnosis } from '../../../domain/fault/alert';
import type { ActionType } from '../../../domain/fault/catalog';
import type { TelemetryBundle } from '../../../domain/fault/telemetry';

export interface DiagnoseVariables {
  alert: Alert;
  telemetry: TelemetryBundle;
}

/** The domain's diagnosis, with the action narrowed to the catalog: the rules can only name a real action. */
export type OfflineDiagnosis = Omit<Diagnosis, 'recommendedAction'> & { recommendedAction: ActionType };

type Line = TelemetryBundle['syslog'][number];
type Rule = (v: DiagnoseVariables) => OfflineDiagnosis | undefined;

/** Fewer relevant log lines than this and a signature rests on too little to earn its full confidence. */
const MIN_LINES = 3;
const THIN_PENALTY = 15;
/** A change this recent on the device is the first suspect, ahead of any hardware explanation. */
const CHANGE_WINDOW_MIN = 60;
// A line that addresses a reader is not device output, so it may neither count as evidence nor be quoted onwards.
const ADDRESSED_TO_READER =
  /ignore (all |any )?(previous|prior|above|earlier)|disregard (all|any|the|previous)|new instructions|you are now/i;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const quote = (line: Line) => `"${clip(line.text.replace(/\s+/g, ' ').trim(), 160)}" (${line.at})`;
const quoteAll = (lines: Line[]) => lines.map(quote).join(', ');
const evidence = (v: DiagnoseVariables) => v.telemetry.syslog.filter((line) => !ADDRESSED_TO_READER.test(line.text));
const grep = (v: DiagnoseVariables, pattern: RegExp) => evidence(v).filter((line) => pattern.test(line.text));
const weigh = (confidence: number, relevant: number) => (relevant < MIN_LINES ? confidence - THIN_PENALTY : confidence);
const minutesBefore = (v: DiagnoseVariables, at: string) => (Date.parse(v.alert.detectedAt) - Date.parse(at)) / 60_000;
const ago = (minutes: number) => (minutes < 90 ? `${Math.round(minutes)} min` : `${Math.round(minutes / 60)} h`);
const isError = (line: Line) => /^(err|crit|alert|emerg)/i.test(line.severity) || /%[\w-]+-[0-3]-/.test(line.text);

/** Changes before the alert, oldest first: one logged after detection cannot have caused it. */
function changesOn(v: DiagnoseVariables, targets: string[], withinMin = Infinity) {
  const wanted = targets.map((t) => t.toUpperCase());
  return v.telemetry.recentChanges
    .filter((c) => wanted.some((t) => c.target.toUpperCase().includes(t)))
    .filter((c) => minutesBefore(v, c.at) >= 0 && minutesBefore(v, c.at) <= withinMin)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const bgp: Rule = (v) => {
  if (v.alert.alertType !== 'bgp_flapping') return undefined;
  const peer = [...v.telemetry.bgp].sort((a, b) => b.flapsLastHour - a.flapsLastHour)[0];
  const name = peer?.peerName ?? 'the BGP peer';
  const relevant = grep(v, /BGP|ADJCHANGE|OPEN ERROR|NOTIFICATION|Version mismatch/i);
  const mismatch = relevant.filter((line) => /OPEN ERROR|Version mismatch/i.test(line.text)).slice(-2);
  const peerChanges = peer ? changesOn(v, [peer.peerName, peer.peer]) : [];
  const upgrade = peerChanges.filter((c) => /firmware|upgrade|software|image/i.test(c.summary)).at(-1);
  const flaps = `${peer?.flapsLastHour ?? 'unknown'} flaps/hour with ${name} (${peer?.peerLocation ?? 'no BGP state'})`;
  if (mismatch.length > 0 && upgrade) {
    return {
      rootCause:
        `BGP version mismatch after ${name} firmware upgrade ("${clip(upgrade.summary, 120)}" by ` +
        `${upgrade.author} at ${upgrade.at}, ${ago(minutesBefore(v, upgrade.at))} before the alert): ${flaps}; ` +
        `syslog ${quoteAll(mismatch)}. Likely an incompatible BGP implementation or configuration on the peer.`,
      recommendedAction: 'reset_bgp_session',
      confidence: weigh(85, relevant.length),
      escalationNote:
        `Contact the ${name} NOC to verify BGP version 4 and their post-upgrade config; if flapping persists ` +
        `(over 10 flaps/hour), escalate to ${name}'s vendor for a firmware compatibility review.`,
    };
  }
  const seen = mismatch.length > 0 ? mismatch : relevant.filter((l) => /ADJCHANGE|NOTIFICATION/i.test(l.text));
  const missing = mismatch.length > 0 ? `no firmware change on ${name}` : 'no OPEN error in the log';
  return {
    rootCause:
      `Cause not identified: ${flaps}; ${missing}; ` +
      (seen.length > 0 ? `syslog ${quoteAll(seen.slice(-2))}.` : 'no BGP log lines.'),
    recommendedAction: 'contact_peer_noc',
    confidence: weigh(60, relevant.length),
    escalationNote: `If the ${name} NOC finds nothing in 30 min, escalate to the ${v.telemetry.device.team} on-call.`,
  };
};

const cpu: Rule = (v) => {
  const hogs = grep(v, /CPUHOG|runaway/i);
  if (v.alert.alertType !== 'cpu_high' || hogs.length === 0) return undefined;
  const named = /[Pp]rocess\s*[=:]?\s*"?([A-Za-z][\w/-]*(?: [A-Z][\w/-]*)*)/.exec(hogs.at(-1)!.text);
  const process = named?.[1] ?? 'the runaway process';
  const m = v.telemetry.metrics.find((metric) => /cpu/i.test(metric.name));
  const load = m ? `${m.name} ${m.latest}${m.unit} (baseline ${m.baseline}${m.unit})` : 'no CPU metric';
  return {
    rootCause: `Runaway process ${process} holding the CPU: ${load}; syslog ${quoteAll(hogs.slice(-2))}.`,
    recommendedAction: 'drain_traffic',
    confidence: weigh(85, grep(v, /CPUHOG|runaway|cpu/i).length),
    escalationNote: `If load persists after draining, restart ${process} in a maintenance window (needs approval).`,
  };
};

const link: Rule = (v) => {
  const los = grep(v, /\bLOS\b|loss of signal|link down|changed state to down/i);
  if (v.alert.alertType !== 'interface_down' || los.length === 0) return undefined;
  if (changesOn(v, [v.alert.deviceId], CHANGE_WINDOW_MIN).length > 0) return undefined;
  const down = v.telemetry.interfaces.filter((i) => i.operStatus.toLowerCase() === 'down').map((i) => i.name);
  // Loss of signal says the light is gone; "changed state to down" alone could be a remote shutdown.
  const signal = los.filter((line) => /\bLOS\b|loss of signal/i.test(line.text));
  return {
    rootCause:
      `Fibre cut likely: ${down.join(', ') || 'an interface'} down with loss of signal and no config change in ` +
      `the last hour; syslog ${quoteAll((signal.length > 0 ? signal : los).slice(-2))}.`,
    recommendedAction: 'dispatch_field_tech',
    confidence: weigh(88, los.length),
    escalationNote: `Send a technician to ${v.telemetry.device.site}; if the fibre is intact, escalate to the vendor.`,
  };
};

const leak: Rule = (v) => {
  const fails = grep(v, /MALLOCFAIL|memory allocation fail|out of memory/i);
  const mem = v.telemetry.metrics.find((metric) => /mem/i.test(metric.name));
  if (v.alert.alertType !== 'memory_high' || !fails.length || !mem || !risingSteadily(mem.samples)) return undefined;
  const { site, vendor, firmware } = v.telemetry.device;
  return {
    rootCause:
      `Memory leak: ${mem.name} rose steadily from ${mem.samples[0]}${mem.unit} to ${mem.latest}${mem.unit} ` +
      `over ${mem.samples.length} samples (baseline ${mem.baseline}${mem.unit}) until allocations failed; ` +
      `syslog ${quoteAll(fails.slice(-2))}.`,
    recommendedAction: 'reboot_device',
    confidence: weigh(82, grep(v, /MALLOCFAIL|mem/i).length),
    escalationNote:
      `Reboot outside business hours at ${site} unless an approver declares an emergency, and open a case ` +
      `with ${vendor} for the memory leak in firmware ${firmware}.`,
  };
};

/** Mostly non-decreasing and higher at the end: a leak, not a spike. */
function risingSteadily(samples: number[]): boolean {
  const steps = samples.slice(1).map((s, i) => s - samples[i]!);
  return steps.length >= 2 && samples.at(-1)! > samples[0]! && steps.filter((d) => d >= 0).length >= steps.length * 0.8;
}

const badChange: Rule = (v) => {
  const change = changesOn(v, [v.alert.deviceId], CHANGE_WINDOW_MIN).at(-1);
  const errors = change ? evidence(v).filter((l) => Date.parse(l.at) >= Date.parse(change.at) && isError(l)) : [];
  if (!change || errors.length === 0) return undefined;
  return {
    rootCause:
      `Configuration change by ${change.author} at ${change.at} ("${clip(change.summary, 120)}"), ` +
      `${ago(minutesBefore(v, change.at))} before the alert, followed by ${errors.length} error line(s); ` +
      `syslog ${quoteAll(errors.slice(0, 2))}.`,
    recommendedAction: 'rollback_config',
    confidence: weigh(90, errors.length),
    escalationNote: `Confirm intent with ${change.author}; if errors persist, page the ${v.telemetry.device.team}.`,
  };
};

function unrecognised(v: DiagnoseVariables): OfflineDiagnosis {
  const { device, metrics, recentChanges } = v.telemetry;
  const lines = evidence(v).length;
  return {
    rootCause:
      `No known fault signature for the ${v.alert.alertType} alert on ${device.id}: ${lines} syslog line(s), ` +
      `${metrics.length} metric(s) and ${recentChanges.length} recent change(s) reviewed.`,
    recommendedAction: 'escalate_vendor',
    confidence: lines < MIN_LINES ? 20 : 35,
    escalationNote: `Open a ${device.vendor} case (firmware ${device.firmware}) and page the ${device.team} on-call.`,
  };
}

/** Device-specific signatures first; a recent change followed by errors explains what none of them fits. */
const rules: Rule[] = [bgp, cpu, link, leak, badChange];

/**
 * A deterministic rule engine, not a language model: it matches known fault signatures in the telemetry.
 * Log text is only ever matched and quoted, so nothing written into the syslog can steer the answer.
 */
export function diagnoseOffline(v: DiagnoseVariables): OfflineDiagnosis {
  const found = rules.reduce<OfflineDiagnosis | undefined>((hit, rule) => hit ?? rule(v), undefined) ?? unrecognised(v);
  const [rootCause, escalationNote] = [clip(found.rootCause, 1000), clip(found.escalationNote, 1000)];
  return { ...found, rootCause, escalationNote, confidence: Math.max(0, Math.min(100, found.confidence)) };
}
