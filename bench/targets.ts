/** The targets. The benchmark reports against them; no test fails on them. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

export const targets = {
  /** Temporal throughput ÷ plain-await throughput, same tickets, concurrency, engine and PostgreSQL. */
  durabilityRatio: { op: '>=', value: 0.33 },
  offlineTicketsPerSecond: { op: '>=', value: 50 },
  overheadP50Ms: { op: '<=', value: 25 },
  overheadP95Ms: { op: '<=', value: 60 },
  workerRssMb: { op: '<=', value: 400 },
} as const satisfies Record<string, Target>;

/** One line of the report: a measured figure, its unit and, where the issue sets one, its target. */
export interface Figure {
  section: string;
  name: string;
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
}

/** Where a figure stands against its target; `gap` is how far it misses, in the figure's unit. */
export type Verdict = { status: 'meets' } | { status: 'misses'; gap: number } | { status: 'n/a' } | { status: '' };

/** Meets or misses (and by how much); n/a when a targeted figure could not be measured; blank with no target. */
export function verdict(figure: Pick<Figure, 'value' | 'target'>): Verdict {
  if (!figure.target) return { status: '' };
  if (figure.value === null || !Number.isFinite(figure.value)) return { status: 'n/a' };
  const { op, value } = figure.target;
  const gap = op === '>=' ? value - figure.value : figure.value - value;
  return gap <= 0 ? { status: 'meets' } : { status: 'misses', gap };
}
