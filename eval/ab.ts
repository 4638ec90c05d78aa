/**
 * A/B comparison and 001's upgrade rule: "if accuracy_new >= accuracy_current and (latency_new < latency_current or
 * cost_new < cost_current): switch". Two refinements, both stated in the report: a latency or cost gain must be
 * material (noise in a millisecond timer is not a reason to switch), and when both sides cost nothing (the offline
 * engine) tokens per request stand in for cost, since they are what a priced model would bill.
 */

export interface AbFigures {
  label: string;
  /** Every accuracy the use case reports (intent, department, route, ...); null means not measured. */
  accuracy: Record<string, number | null>;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  costPerRequestUsd: number | null;
  tokensPerRequest: number | null;
}

export interface AbRow {
  metric: string;
  a: number | null;
  b: number | null;
  /** b − a */
  delta: number | null;
  better: 'a' | 'b' | 'same' | 'n/a';
}

export interface Recommendation {
  switchToB: boolean;
  verdict: string;
  reasons: string[];
}

/** A gain smaller than this share of A's figure is treated as a tie. */
export const MATERIAL_GAIN = 0.05;
/** Nor does a latency gain under this count: a customer cannot tell 3 ms from 4 ms, and timers jitter by that much. */
export const MIN_LATENCY_GAIN_MS = 10;

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

function row(metric: string, a: number | null, b: number | null, higherIsBetter: boolean): AbRow {
  const d = delta(a, b);
  if (d === null) return { metric, a, b, delta: d, better: 'n/a' };
  const better = d === 0 ? 'same' : d > 0 === higherIsBetter ? 'b' : 'a';
  return { metric, a, b, delta: d, better };
}

export function abRows(a: AbFigures, b: AbFigures): AbRow[] {
  const metrics = [...new Set([...Object.keys(a.accuracy), ...Object.keys(b.accuracy)])];
  return [
    ...metrics.map((m) => row(`${m} accuracy`, a.accuracy[m] ?? null, b.accuracy[m] ?? null, true)),
    row('latency p50 (ms)', a.latencyP50Ms, b.latencyP50Ms, false),
    row('latency p95 (ms)', a.latencyP95Ms, b.latencyP95Ms, false),
    row('cost per request (USD)', a.costPerRequestUsd, b.costPerRequestUsd, false),
    row('tokens per request', a.tokensPerRequest, b.tokensPerRequest, false),
  ];
}

/** True when b is lower than a by at least MATERIAL_GAIN of a. */
function materiallyLower(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  if (a === 0) return false;
  return (a - b) / a >= MATERIAL_GAIN;
}

export function recommend(a: AbFigures, b: AbFigures): Recommendation {
  const reasons: string[] = [];
  const worse = Object.keys(a.accuracy).filter((m) => {
    const [x, y] = [a.accuracy[m] ?? null, b.accuracy[m] ?? null];
    return x !== null && (y === null || y < x);
  });
  for (const m of worse) reasons.push(`${b.label} is worse on ${m} accuracy`);

  const faster =
    materiallyLower(a.latencyP50Ms, b.latencyP50Ms) && a.latencyP50Ms! - b.latencyP50Ms! >= MIN_LATENCY_GAIN_MS;
  const bothFree = a.costPerRequestUsd === 0 && b.costPerRequestUsd === 0;
  const cheaper = bothFree
    ? materiallyLower(a.tokensPerRequest, b.tokensPerRequest)
    : materiallyLower(a.costPerRequestUsd, b.costPerRequestUsd);
  if (faster)
    reasons.push(`${b.label} is faster at p50 by at least ${MATERIAL_GAIN * 100}% and ${MIN_LATENCY_GAIN_MS} ms`);
  if (cheaper)
    reasons.push(
      bothFree
        ? `${b.label} uses at least ${MATERIAL_GAIN * 100}% fewer tokens per request (both cost $0 on this engine)`
        : `${b.label} is cheaper per request by at least ${MATERIAL_GAIN * 100}%`,
    );
  if (!faster && !cheaper) reasons.push(`${b.label} is not materially faster or cheaper`);

  const switchToB = worse.length === 0 && (faster || cheaper);
  const verdict = switchToB
    ? `Switch to ${b.label}: not worse on accuracy, and ${faster ? 'faster' : 'cheaper'}.`
    : worse.length
      ? `Keep ${a.label}: ${b.label} is worse on accuracy, whatever it saves.`
      : `Keep ${a.label}: ${b.label} is no worse on accuracy but brings no material latency or cost gain.`;
  return { switchToB, verdict, reasons };
}

/** The A/B section of a two-variant run; null when only one variant ran. */
export function compareRuns<F>(
  runs: ReadonlyArray<{ label: string; figures: F }>,
  of: (label: string, figures: F) => AbFigures,
): { rows: AbRow[]; recommendation: Recommendation } | null {
  const [a, b] = runs;
  if (!a || !b) return null;
  const [x, y] = [of(a.label, a.figures), of(b.label, b.figures)];
  return { rows: abRows(x, y), recommendation: recommend(x, y) };
}
