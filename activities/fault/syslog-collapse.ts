import type { TelemetryBundle } from '../../domain/fault/telemetry';

type Line = TelemetryBundle['syslog'][number];

/** One prompt entry per run of identical lines: the first time, the last time and how many. */
export interface CollapsedLine {
  at: string;
  severity: string;
  text: string;
  count?: number;
  lastAt?: string;
}

/**
 * A flapping peer writes the same line a hundred times; the model needs the line, the count and the span, not a
 * hundred copies (about 3,800 tokens of a diagnose request). Only consecutive repeats of the same severity and text
 * merge, so the order of distinct events is kept.
 */
export function collapseSyslog(lines: readonly Line[]): CollapsedLine[] {
  const out: CollapsedLine[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && last.text === line.text && last.severity === line.severity) {
      last.count = (last.count ?? 1) + 1;
      last.lastAt = line.at;
    } else {
      out.push({ at: line.at, severity: line.severity, text: line.text });
    }
  }
  return out;
}

/** The inverse, for the emulator's offline responder, which feeds the offline engine whole lines. */
export function expandSyslog(lines: readonly CollapsedLine[]): Line[] {
  return lines.flatMap(({ at, severity, text, count, lastAt }) =>
    Array.from({ length: count ?? 1 }, (_, i) => ({ at: i > 0 && lastAt ? lastAt : at, severity, text })),
  );
}
