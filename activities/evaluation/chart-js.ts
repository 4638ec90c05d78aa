import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Chart.js's UMD build, inlined so the page works offline and from a mail attachment. */
export function chartJsSource(): string {
  return readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}
