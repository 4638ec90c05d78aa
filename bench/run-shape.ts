import type { Distribution } from './stats';

/** How many tickets a run sends and how many it keeps in flight: the same for the plain pipeline and the workflow. */
export interface RunShape {
  label: string;
  count: number;
  concurrency: number;
}

/** What every ticket run measures, so the durability ratio compares like with like. */
export interface RunFigures extends RunShape {
  wallMs: number;
  perSecond: number;
  routes: Record<string, number>;
  failures: string[];
  endToEndMs: Distribution;
}
