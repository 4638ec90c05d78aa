import type { RunFigures } from '../figures';

export type Kind = 'pct' | 'ms' | 'usd' | 'num';

export interface Headline<F = RunFigures> {
  label: string;
  kind: Kind;
  higherIsBetter: boolean | null;
  value: (f: F) => number | null | undefined;
}

/** The figures a reader looks at first, in the order of the issue: accuracy, calibration, guardrails, speed, cost. */
export const headlines: Headline[] = [
  { label: 'Intent accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.intent.accuracy },
  { label: 'Department accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.department.accuracy },
  { label: 'Route accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.route.accuracy },
  { label: 'Error rate, high band', kind: 'pct', higherIsBetter: false, value: (f) => band(f, 'high') },
  { label: 'Error rate, medium band', kind: 'pct', higherIsBetter: false, value: (f) => band(f, 'medium') },
  { label: 'Error rate, low band', kind: 'pct', higherIsBetter: false, value: (f) => band(f, 'low') },
  { label: 'Calibration error (ECE)', kind: 'pct', higherIsBetter: false, value: (f) => f.calibration?.ece },
  { label: 'Guardrail catch rate', kind: 'pct', higherIsBetter: true, value: (f) => f.guardrails?.catchRate },
  { label: 'Model call latency p50', kind: 'ms', higherIsBetter: false, value: (f) => f.latency?.call.p50 },
  { label: 'Model call latency p95', kind: 'ms', higherIsBetter: false, value: (f) => f.latency?.call.p95 },
  { label: 'Model call latency p99', kind: 'ms', higherIsBetter: false, value: (f) => f.latency?.call.p99 },
  { label: 'Ticket latency p50', kind: 'ms', higherIsBetter: false, value: (f) => f.latency?.ticket.p50 },
  { label: 'Tokens per ticket', kind: 'num', higherIsBetter: false, value: (f) => tokens(f) },
  { label: 'Cost per ticket', kind: 'usd', higherIsBetter: false, value: (f) => f.usage?.perTicket.costUsd },
];

function band(f: RunFigures, name: string): number | null | undefined {
  return f.calibration?.bands.find((b) => b.band === name)?.errorRate;
}

function tokens(f: RunFigures): number | null {
  const t = f.usage?.perTicket;
  return t && t.inputTokens !== null && t.outputTokens !== null ? t.inputTokens + t.outputTokens : null;
}

export function fmt(value: number | null | undefined, kind: Kind): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  switch (kind) {
    case 'pct':
      return `${(value * 100).toFixed(1)}%`;
    case 'ms':
      return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
    case 'usd':
      return value === 0 ? '$0' : value < 0.01 ? `$${value.toFixed(5)}` : `$${value.toFixed(4)}`;
    case 'num':
      return value.toFixed(0);
  }
}

export const pct = (value: number | null | undefined) => fmt(value, 'pct');

/** Signed difference in the metric's own unit; percentages as percentage points. */
export function fmtDelta(delta: number | null | undefined, kind: Kind): string {
  if (delta === null || delta === undefined) return 'n/a';
  if (delta === 0) return '±0';
  const sign = delta > 0 ? '+' : '−';
  const abs = Math.abs(delta);
  if (kind === 'pct') return `${sign}${(abs * 100).toFixed(1)} pp`;
  return `${sign}${fmt(abs, kind)}`;
}

export function drift<F>(now: F, before: F | undefined, h: Headline<F>): number | null {
  if (!before) return null;
  const [a, b] = [h.value(before), h.value(now)];
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}
