/** Latency, tokens and cost of a pass's model calls: the same figures, and the same report rows, for every use case. */
import type { AbFigures } from '../ab';
import { histogram, latencySummary, mean, type Bin, type LatencySummary } from '../metrics';
import { histogramBlock, type Block } from '../report/blocks';
import { fmt, type Headline } from '../report/format';
import type { CallTiming } from '../../activities/evaluation/outcomes';

export interface CallFigures {
  calls: number;
  latency: LatencySummary;
  histogram: Bin[];
  /** Means per call; null when there were no calls. */
  perCall: { inputTokens: number | null; outputTokens: number | null; costUsd: number | null };
  totalCostUsd: number;
}

export function callFigures(calls: readonly CallTiming[]): CallFigures {
  return {
    calls: calls.length,
    latency: latencySummary(calls.map((c) => c.latencyMs)),
    histogram: histogram(calls.map((c) => c.latencyMs)),
    perCall: {
      inputTokens: mean(calls.map((c) => c.inputTokens)),
      outputTokens: mean(calls.map((c) => c.outputTokens)),
      costUsd: mean(calls.map((c) => c.costUsd)),
    },
    totalCostUsd: calls.reduce((s, c) => s + c.costUsd, 0),
  };
}

const tokens = (c: CallFigures | undefined) =>
  c && c.perCall.inputTokens !== null && c.perCall.outputTokens !== null
    ? c.perCall.inputTokens + c.perCall.outputTokens
    : null;

/** The speed and cost rows of a headline table; `unit` names one call (a diagnosis, a summary...). */
export function callHeadlines<F>(of: (f: F) => CallFigures | undefined, unit: string): Headline<F>[] {
  return [
    { label: 'Model call latency p50', kind: 'ms', higherIsBetter: false, value: (f) => of(f)?.latency.p50 },
    { label: 'Model call latency p95', kind: 'ms', higherIsBetter: false, value: (f) => of(f)?.latency.p95 },
    { label: 'Model call latency p99', kind: 'ms', higherIsBetter: false, value: (f) => of(f)?.latency.p99 },
    { label: `Tokens per ${unit}`, kind: 'num', higherIsBetter: false, value: (f) => tokens(of(f)) },
    { label: `Cost per ${unit}`, kind: 'usd', higherIsBetter: false, value: (f) => of(f)?.perCall.costUsd },
  ];
}

export function callBlocks(c: CallFigures, unit: string): Block[] {
  const l = c.latency;
  return [
    { kind: 'heading', text: `Latency and usage per ${unit} (${c.calls} model calls)` },
    {
      kind: 'table',
      headers: ['calls', 'p50', 'p95', 'p99', 'max', 'input tokens', 'output tokens', 'cost', 'total cost'],
      rows: [
        [
          String(c.calls),
          fmt(l.p50, 'ms'),
          fmt(l.p95, 'ms'),
          fmt(l.p99, 'ms'),
          fmt(l.max, 'ms'),
          fmt(c.perCall.inputTokens, 'num'),
          fmt(c.perCall.outputTokens, 'num'),
          fmt(c.perCall.costUsd, 'usd'),
          fmt(c.totalCostUsd, 'usd'),
        ],
      ],
    },
    histogramBlock('Latency histogram: every model call', c.histogram, 'model calls'),
  ];
}

export function callCard(c: CallFigures, unit: string) {
  return {
    label: `Cost per ${unit}`,
    value: fmt(c.perCall.costUsd, 'usd'),
    detail: `p50 ${fmt(c.latency.p50, 'ms')}, p95 ${fmt(c.latency.p95, 'ms')}, ${fmt(tokens(c), 'num')} tokens`,
  };
}

/** 001's A/B rule over a use case's accuracies and its calls. */
export function abFiguresOf(label: string, accuracy: Record<string, number | null>, c: CallFigures): AbFigures {
  return {
    label,
    accuracy,
    latencyP50Ms: c.latency.p50,
    latencyP95Ms: c.latency.p95,
    costPerRequestUsd: c.perCall.costUsd,
    tokensPerRequest: tokens(c),
  };
}
