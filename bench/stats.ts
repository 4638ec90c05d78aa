/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1]!;
}

export interface Distribution {
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

export function distribution(samples: readonly number[]): Distribution {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : null,
  };
}

/** One activity execution as history records it (times in epoch ms). */
export interface ActivitySpan {
  activityType: string;
  scheduledMs: number;
  startedMs: number;
  closedMs: number;
}

/** What a workflow spent outside its activities: end to end minus the time activities were running. */
export interface WorkflowTiming {
  endToEndMs: number;
  activityMs: number;
  overheadMs: number;
  activities: number;
}

/**
 * Activities in one ticket run one after another, so their time adds up. Should two ever overlap, the union of the
 * intervals is what counts: overlapping time is not overhead, and counting it twice would make overhead negative.
 */
export function workflowTiming(startMs: number, closeMs: number, spans: readonly ActivitySpan[]): WorkflowTiming {
  const intervals = spans.map((s) => [s.startedMs, s.closedMs] as const).sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let coveredUntil = -Infinity;
  for (const [from, to] of intervals) {
    const start = Math.max(from, coveredUntil);
    if (to > start) busy += to - start;
    coveredUntil = Math.max(coveredUntil, to);
  }
  const endToEndMs = closeMs - startMs;
  return { endToEndMs, activityMs: busy, overheadMs: endToEndMs - busy, activities: spans.length };
}

/** Workflows (or anything) per second over a wall-clock span. */
export function ratePerSecond(count: number, wallMs: number): number {
  return wallMs > 0 ? (count * 1000) / wallMs : 0;
}

/** Evenly spaced picks, so a sample covers warm-up, steady state and the tail of a run alike. */
export function spreadSample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  return Array.from({ length: size }, (_, i) => items[Math.floor((i * items.length) / size)]!);
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
