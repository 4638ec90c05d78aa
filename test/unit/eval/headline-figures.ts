import type { HandwrittenFigures } from '../../../eval/scoring/acma-handwritten';

/**
 * The figures a hand-written set's test pins, each as [right, of]: incident types, stated customer counts (exact)
 * and report dates; and how many records were missed.
 */
export const headline = (f: HandwrittenFigures) => ({
  types: [f.types.right, f.types.n],
  customers: [f.customers.exact, f.customers.n],
  reported: [f.reported.right, f.reported.n],
  misses: f.misses.length,
});
