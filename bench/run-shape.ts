import { distribution, ratePerSecond, type Distribution } from './stats';

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

/** What a load driver reports, whichever path it drove. */
export interface LoadOutcome {
  wallMs: number;
  routes: Record<string, number>;
  failures: string[];
}

/** The figures every run reports, from its shape, its load and each ticket's end-to-end time. */
export function runFigures(shape: RunShape, load: LoadOutcome, endToEnd: number[]): RunFigures {
  return {
    label: shape.label,
    count: shape.count,
    concurrency: shape.concurrency,
    wallMs: load.wallMs,
    perSecond: ratePerSecond(shape.count - load.failures.length, load.wallMs),
    routes: load.routes,
    // A run that fails badly fails the same way many times: the first 20 say why.
    failures: load.failures.slice(0, 20),
    endToEndMs: distribution(endToEnd),
  };
}
