/** The targets. The benchmark reports against them; no test fails on them. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

export const targets = {
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

export type Verdict = 'PASS' | 'MISS' | 'n/a' | '';

/** PASS or MISS against the target; n/a when a targeted figure could not be measured; blank when there is no target. */
export function verdict(figure: Pick<Figure, 'value' | 'target'>): Verdict {
  if (!figure.target) return '';
  if (figure.value === null || !Number.isFinite(figure.value)) return 'n/a';
  const { op, value } = figure.target;
  return (op === '>=' ? figure.value >= value : figure.value <= value) ? 'PASS' : 'MISS';
}
