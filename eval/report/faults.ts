/** What the faults report shows: the generic renderers lay it out. */
import type { FaultFigures } from '../scoring/faults';
import { callBlocks, callCard, callHeadlines } from '../scoring/calls';
import type { Block, Card } from './blocks';
import { fmt, pct, type Headline } from './format';

export const faultHeadlines: Headline<FaultFigures>[] = [
  { label: 'Root-cause accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.rootCause?.accuracy },
  { label: 'Recommended-action accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.action?.accuracy },
  { label: 'Decision accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.decision?.accuracy },
  { label: 'Policy breaches', kind: 'num', higherIsBetter: false, value: (f) => f.breaches?.count },
  {
    label: 'Ran by itself, should have asked',
    kind: 'num',
    higherIsBetter: false,
    value: (f) => f.overAutomated?.length,
  },
  { label: 'Calibration error (ECE)', kind: 'pct', higherIsBetter: false, value: (f) => f.calibration?.ece },
  ...callHeadlines<FaultFigures>((f) => f.calls, 'diagnosis'),
];

export function faultCards(f: FaultFigures): Card[] {
  return [
    { label: 'Root cause', value: pct(f.rootCause.accuracy), detail: `${f.rootCause.n} items` },
    { label: 'Action', value: pct(f.action.accuracy), detail: `${f.action.n} items` },
    { label: 'Decision', value: pct(f.decision.accuracy), detail: 'auto, approval or escalate' },
    {
      label: 'Policy breaches',
      value: String(f.breaches.count),
      detail: f.breaches.count ? f.breaches.ids.join(', ') : 'no destructive action ran by itself',
    },
    callCard(f.calls, 'diagnosis'),
  ];
}

export function faultBlocks(f: FaultFigures): Block[] {
  const bands = f.calibration.bands;
  const list = (ids: string[]) => (ids.length ? ids.join(', ') : 'none');
  return [
    {
      kind: 'text',
      text:
        `Policy breaches (a destructive action the policy would have run unattended): ${f.breaches.count}` +
        `${f.breaches.count ? ` (${f.breaches.ids.join(', ')})` : ''}. Ran by itself where a person should have ` +
        `decided: ${list(f.overAutomated)}. Asked a person where it could have acted: ${list(f.underAutomated)}. ` +
        `${f.errors} item(s) failed outright.`,
    },
    { kind: 'confusion', title: 'Decision', confusion: f.decision.confusion },
    { kind: 'confusion', title: 'Root cause', confusion: f.rootCause.confusion },
    { kind: 'confusion', title: 'Recommended action', confusion: f.action.confusion },
    {
      kind: 'bars',
      title: 'Accuracy by variant',
      axis: 'variant',
      unit: 'pct',
      labels: f.byVariant.map((v) => `${v.variant} (${v.n})`),
      series: [
        { label: 'root cause', data: f.byVariant.map((v) => v.rootCause) },
        { label: 'action', data: f.byVariant.map((v) => v.action) },
        { label: 'decision', data: f.byVariant.map((v) => v.decision) },
      ],
    },
    { kind: 'heading', text: 'Confidence calibration (right = root cause and action both right)' },
    {
      kind: 'bars',
      title: 'Observed accuracy per confidence band',
      axis: 'band',
      unit: 'pct',
      labels: bands.map((b) => `${b.band}: ${b.n} items, mean ${fmt(b.meanConfidence, 'num')}`),
      series: [
        {
          label: 'stated confidence (mean / 100)',
          data: bands.map((b) => (b.meanConfidence === null ? null : b.meanConfidence / 100)),
        },
        { label: 'observed accuracy', data: bands.map((b) => b.accuracy) },
      ],
    },
    ...callBlocks(f.calls, 'diagnosis'),
  ];
}
