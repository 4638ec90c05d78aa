/** Pure figures over labelled predictions: no I/O, so test/unit/eval can pin every formula. */

export interface Pair {
  actual: string;
  predicted: string;
}

export interface LabelScore {
  label: string;
  support: number;
  predicted: number;
  correct: number;
  /** null when the label was never predicted (precision) or never expected (recall): 0/0 is not 0%. */
  precision: number | null;
  recall: number | null;
}

export interface Confusion {
  labels: string[];
  /** matrix[actual][predicted], in `labels` order. */
  matrix: number[][];
}

export const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function accuracy(pairs: readonly Pair[]): number | null {
  return ratio(pairs.filter((p) => p.actual === p.predicted).length, pairs.length);
}

/** Labels seen on either side, sorted, unless an order is given (departments and routes have a natural one). */
export function labelsOf(pairs: readonly Pair[], order?: readonly string[]): string[] {
  const seen = new Set(pairs.flatMap((p) => [p.actual, p.predicted]));
  if (order) return [...order.filter((l) => seen.has(l)), ...[...seen].filter((l) => !order.includes(l)).sort()];
  return [...seen].sort();
}

export function perLabel(pairs: readonly Pair[], labels = labelsOf(pairs)): LabelScore[] {
  return labels.map((label) => {
    const support = pairs.filter((p) => p.actual === label).length;
    const predicted = pairs.filter((p) => p.predicted === label).length;
    const correct = pairs.filter((p) => p.actual === label && p.predicted === label).length;
    return {
      label,
      support,
      predicted,
      correct,
      precision: ratio(correct, predicted),
      recall: ratio(correct, support),
    };
  });
}

export function confusion(pairs: readonly Pair[], labels = labelsOf(pairs)): Confusion {
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of pairs) {
    const [a, b] = [index.get(p.actual), index.get(p.predicted)];
    if (a !== undefined && b !== undefined) matrix[a]![b]! += 1;
  }
  return { labels, matrix };
}

/** The most frequent off-diagonal cells: what the classifier mistakes for what. */
export function topConfusions(pairs: readonly Pair[], limit = 8): Array<Pair & { count: number }> {
  const counts = new Map<string, number>();
  for (const p of pairs) {
    if (p.actual === p.predicted) continue;
    const key = `${p.actual}\u0000${p.predicted}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => {
      const [actual, predicted] = key.split('\u0000') as [string, string];
      return { actual, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual))
    .slice(0, limit);
}

/** Linear interpolation between closest ranks (numpy's default), so p99 of a small sample is not just the maximum. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 100) throw new Error(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export interface LatencySummary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
  max: number | null;
}

export function latencySummary(values: readonly number[]): LatencySummary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    mean: ratio(
      values.reduce((sum, v) => sum + v, 0),
      values.length,
    ),
    max: values.length ? Math.max(...values) : null,
  };
}

export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/** Equal-width bins from 0 to the maximum; the last bin is closed so the maximum is counted. */
export function histogram(values: readonly number[], bins = 20): Bin[] {
  const max = values.length ? Math.max(...values) : 0;
  const width = max > 0 ? max / bins : 1;
  const out = Array.from({ length: bins }, (_, i) => ({ lo: i * width, hi: (i + 1) * width, count: 0 }));
  for (const v of values) out[Math.min(bins - 1, Math.max(0, Math.floor(v / width)))]!.count += 1;
  return out;
}

export function mean(values: readonly number[]): number | null {
  return ratio(
    values.reduce((sum, v) => sum + v, 0),
    values.length,
  );
}
