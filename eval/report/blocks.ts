import type { Bin, Confusion } from '../metrics';
import type { Headline, Kind } from './format';
import type { AbResult, RunLike } from './model';

/**
 * What a use case's report is made of, so one Markdown and one HTML renderer serve every use case: the use case says
 * what to show, the renderers decide how. A confusion matrix is a table in Markdown and a heat map in HTML; a bar
 * block is a table in Markdown and a Chart.js bar chart in HTML.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'confusion'; title: string; confusion: Confusion }
  | {
      kind: 'bars';
      title: string;
      axis: string;
      unit: Kind;
      labels: string[];
      series: Array<{ label: string; data: Array<number | null> }>;
    };

export interface Card {
  label: string;
  value: string;
  detail: string;
}

export interface UseCaseRun<F> extends RunLike<F> {
  provider: string;
  model: string;
  promptVersions: Record<string, string>;
  runId: number | null;
}

/** Everything both renderers need; like the tickets report, they format and do not compute. */
export interface UseCaseReport<F> {
  useCase: string;
  generatedAt: Date;
  /** What served the calls, in words: the offline engine is not an LLM and the report must say so up front. */
  engineNote: string;
  datasetNote: string;
  /** What one request is (a diagnosis, a summary, an incident), for the A/B rule's wording. */
  unit: string;
  runs: UseCaseRun<F>[];
  headlines: Headline<F>[];
  cards: (f: F) => Card[];
  blocks: (f: F) => Block[];
  ab: AbResult | null;
  notes: string[];
}

/** Latency bins as bar labels, in the tickets page's wording. */
export function histogramBlock(title: string, bins: Bin[], series: string): Block {
  const label = (b: Bin) => `${b.lo.toFixed(b.hi < 10 ? 2 : 0)}–${b.hi.toFixed(b.hi < 10 ? 2 : 0)}`;
  return {
    kind: 'bars',
    title,
    axis: 'latency (ms)',
    unit: 'num',
    labels: bins.map(label),
    series: [{ label: series, data: bins.map((b) => b.count) }],
  };
}
