/** What the fraud report shows: the generic renderers lay it out. */
import type { GenerateOptions } from '../../tooling/fraud-data/generate';
import { callBlocks, callCard, callHeadlines } from '../scoring/calls';
import type { DetectionFigures } from '../scoring/fraud-detection';
import type { SummaryFigures } from '../scoring/fraud-summaries';
import type { Block, Card } from './blocks';
import { fmt, pct, type Headline } from './format';

export interface FraudFigures {
  population: GenerateOptions & { generateMs: number; detectMs: number };
  detection: DetectionFigures;
  summaries: SummaryFigures;
}

export const fraudHeadlines: Headline<FraudFigures>[] = [
  { label: 'Detection precision', kind: 'pct', higherIsBetter: true, value: (f) => f.detection?.precision },
  { label: 'Detection recall', kind: 'pct', higherIsBetter: true, value: (f) => f.detection?.recall },
  { label: 'Look-alikes flagged', kind: 'num', higherIsBetter: false, value: (f) => f.detection?.lookalikesFlagged },
  { label: 'Detection SQL time', kind: 'ms', higherIsBetter: false, value: (f) => f.population?.detectMs },
  { label: 'Summary action fits (frauds)', kind: 'pct', higherIsBetter: true, value: (f) => f.summaries?.onFraud.hit },
  {
    label: 'Summary first action right (frauds)',
    kind: 'pct',
    higherIsBetter: true,
    value: (f) => f.summaries?.onFraud.primary.accuracy,
  },
  { label: 'Summaries verified', kind: 'pct', higherIsBetter: true, value: (f) => f.summaries?.verified.rate },
  {
    label: 'Disruptive action on legitimate',
    kind: 'num',
    higherIsBetter: false,
    value: (f) => f.summaries?.onLegitimate.disruptive.length,
  },
  ...callHeadlines<FraudFigures>((f) => f.summaries?.calls, 'summary'),
];

export function fraudCards(f: FraudFigures): Card[] {
  const d = f.detection;
  return [
    { label: 'Precision', value: pct(d.precision), detail: `${d.flagged} accounts flagged` },
    { label: 'Recall', value: pct(d.recall), detail: `${d.frauds} injected frauds` },
    { label: 'Action fits', value: pct(f.summaries.onFraud.hit), detail: `${f.summaries.onFraud.n} fraud summaries` },
    { label: 'Verified', value: pct(f.summaries.verified.rate), detail: 'every figure from the SQL' },
    callCard(f.summaries.calls, 'summary'),
  ];
}

export function fraudBlocks(f: FraudFigures): Block[] {
  const { detection: d, summaries: s, population: p } = f;
  return [
    {
      kind: 'text',
      text:
        `${d.accounts} accounts, ${d.flagged} flagged (${pct(d.falsePositiveShare)} of flags false positives), ` +
        `${d.lookalikesFlagged} of ${d.lookalikes} look-alikes flagged. Generated in ${fmt(p.generateMs, 'ms')}, ` +
        `detected in ${fmt(p.detectMs, 'ms')}.`,
    },
    { kind: 'confusion', title: 'Detection: fraud vs not fraud, every account', confusion: d.confusion },
    {
      kind: 'bars',
      title: 'Per rule',
      axis: 'rule',
      unit: 'pct',
      labels: d.rules.map((r) => `${r.rule} (${r.flags} flags)`),
      series: [
        { label: 'precision', data: d.rules.map((r) => r.precision) },
        { label: 'recall (this rule)', data: d.rules.map((r) => r.recall) },
        { label: 'recall (any rule)', data: d.rules.map((r) => r.recallAnyRule) },
      ],
    },
    {
      kind: 'table',
      headers: ['pattern', 'kind', 'labelled', 'flagged'],
      rows: d.patterns.map((x) => [x.pattern, x.kind, String(x.labelled), String(x.flagged)]),
    },
    { kind: 'heading', text: `Summaries of the ${s.summarised} flagged accounts` },
    {
      kind: 'text',
      text:
        `On ${s.onFraud.n} fraud accounts the expected action was recommended in ${pct(s.onFraud.hit)}, and first ` +
        `in ${pct(s.onFraud.primary.accuracy)}. On ${s.onLegitimate.n} legitimate accounts, international use was ` +
        `to be barred on ${s.onLegitimate.disruptive.length}. ${pct(s.verified.rate)} of summaries quote only ` +
        `figures from the SQL evidence${s.verified.unverified.length ? ` (not: ${s.verified.unverified.join(', ')})` : ''}. ` +
        `${s.unusable} unusable answers, ${s.errors} failures.`,
    },
    {
      kind: 'confusion',
      title: 'Expected action vs first recommended action (frauds)',
      confusion: s.onFraud.primary.confusion,
    },
    ...callBlocks(s.calls, 'summary'),
  ];
}

/** Per-rule figures for stdout: too many for the headline table. */
export function fraudDetails(f: FraudFigures): string[] {
  return f.detection.rules.map(
    (r) =>
      `${r.rule}: ${r.flags} flags, precision ${pct(r.precision)}, recall ${pct(r.recall)} ` +
      `(any rule ${pct(r.recallAnyRule)})`,
  );
}
