/** What the ACMA report shows: the generic renderers lay it out. */
import type { AcmaFigures } from '../scoring/acma';
import { callBlocks, callCard, callHeadlines } from '../scoring/calls';
import type { Block, Card } from './blocks';
import { pct, type Headline } from './format';

const share = (ok: number, n: number) => (n ? ok / n : null);
const reportsMatching = (f: AcmaFigures, key: 'verdictMatch' | 'csvMatch') =>
  f.reports ? share(f.reports.filter((r) => r[key]).length, f.reports.length) : null;

export const acmaHeadlines: Headline<AcmaFigures>[] = [
  { label: 'Is-breach accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.breach?.accuracy },
  { label: 'Customers affected, exact', kind: 'pct', higherIsBetter: true, value: (f) => f.customers?.accuracy },
  { label: 'Incident date, exact', kind: 'pct', higherIsBetter: true, value: (f) => f.date?.accuracy },
  { label: '30-day status accuracy', kind: 'pct', higherIsBetter: true, value: (f) => f.notification?.accuracy },
  {
    label: 'Report verdicts right',
    kind: 'pct',
    higherIsBetter: true,
    value: (f) => reportsMatching(f, 'verdictMatch'),
  },
  { label: 'Report CSVs exact', kind: 'pct', higherIsBetter: true, value: (f) => reportsMatching(f, 'csvMatch') },
  { label: 'Facts sent to a reviewer', kind: 'num', higherIsBetter: false, value: (f) => f.mismatches?.count },
  ...callHeadlines<AcmaFigures>((f) => f.calls, 'incident'),
];

export function acmaCards(f: AcmaFigures): Card[] {
  return [
    { label: 'Is breach', value: pct(f.breach.accuracy), detail: `${f.breach.n} incidents` },
    {
      label: 'Customers',
      value: pct(f.customers.accuracy),
      detail: `${f.customers.exact}/${f.customers.n} breaches exact`,
    },
    ...f.reports.map((r) => ({
      label:
        r.period.start.slice(0, 7) === r.period.end.slice(0, 7)
          ? `Verdict ${r.period.start.slice(0, 7)}`
          : 'Verdict, example',
      value: r.predicted.verdict,
      detail: `expected ${r.expected.verdict}; CSV ${r.csvMatch ? 'exact' : 'differs'}`,
    })),
    callCard(f.calls, 'incident'),
  ];
}

export function acmaBlocks(f: AcmaFigures): Block[] {
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  const reportRows = f.reports.map((r) => [
    `${r.name} (${r.period.start} to ${r.period.end}, ${r.incidents} incidents)`,
    `${r.expected.verdict} / ${r.predicted.verdict}`,
    yes(r.verdictMatch),
    `${r.expected.breaches} / ${r.predicted.breaches}`,
    `${r.expected.customers.toLocaleString('en-AU')} / ${r.predicted.customers.toLocaleString('en-AU')}`,
    yes(r.csvMatch),
    [
      ...r.missingRows.map((x) => `missing ${x}`),
      ...r.extraRows.map((x) => `extra ${x}`),
      ...r.unanswered.map((x) => `no answer ${x}`),
    ].join('; ') || '—',
  ]);
  return [
    { kind: 'heading', text: `Reports as of ${f.asOf} (expected / from the extracted facts)` },
    {
      kind: 'table',
      headers: ['report', 'verdict', 'right', 'breaches', 'customers', 'CSV exact', 'rows that differ'],
      rows: reportRows,
    },
    { kind: 'confusion', title: 'Is it a data breach?', confusion: f.breach.confusion },
    { kind: 'confusion', title: '30-day notification status (labelled breaches)', confusion: f.notification.confusion },
    {
      kind: 'text',
      text:
        `Customers affected exact on ${f.customers.exact} of ${f.customers.n} labelled breaches; incident date exact ` +
        `on ${pct(f.date.accuracy)} of ${f.date.n}. The cross-check questioned ${f.mismatches.count} fact(s) in ` +
        `${f.mismatches.incidents.length ? f.mismatches.incidents.join(', ') : 'no incident'}. ${f.unusable} unusable ` +
        `answers, ${f.errors} failures.`,
    },
    ...((f.development ?? f.handwritten) ? handwrittenBlocks((f.development ?? f.handwritten)!, DEVELOPMENT) : []),
    ...(f.heldout ? handwrittenBlocks(f.heldout, HELD_OUT) : []),
    ...(f.final ? handwrittenBlocks(f.final, FINAL) : []),
    ...(f.fourth ? handwrittenBlocks(f.fourth, FOURTH) : []),
    ...(f.fifth ? handwrittenBlocks(f.fifth, FIFTH) : []),
    ...(f.sixth ? handwrittenBlocks(f.sixth, SIXTH) : []),
    ...callBlocks(f.calls, 'incident'),
  ];
}

const DEVELOPMENT = 'Development set: hand-written, independent of the seed, the rules were developed on it';
const HELD_OUT = 'Held-out set: hand-written after the rules, scored once (58.3% of types), then learned from';
const FINAL = 'Final set: hand-written by another author, scored once (80.0% of types), then learned from';
const FOURTH = 'Fourth set: hand-written by another author, scored once (70.0% of types), then learned from';
const FIFTH = 'Fifth set: hand-written by another author, scored once, never used to change the rules';
const SIXTH = 'Sixth set: hand-written by another author, scored once, never used to change the rules';

/** A hand-written set on its own, titled with how it relates to the rules. */
function handwrittenBlocks(h: NonNullable<AcmaFigures['heldout']>, title: string): Block[] {
  return [
    { kind: 'heading', text: `${title} (${h.items} records)` },
    {
      kind: 'text',
      text:
        `Type right on ${h.types.right} of ${h.types.n} (${pct(h.types.accuracy)}); stated customer counts exact on ` +
        `${h.customers.exact} of ${h.customers.n} breaches; report date right on ${h.reported.right} of ` +
        `${h.reported.n}. ${h.reviewed} records sent to a reviewer. ${h.misses.length} misses, ` +
        `${h.silentMisses.length} of them silent (not sent to review).`,
    },
    {
      kind: 'table',
      headers: ['record', 'missed', 'sent to review'],
      rows: h.misses.map((m) => [m.id, m.fields.join(', '), m.reviewed ? 'yes' : 'NO (silent)']),
    },
    {
      kind: 'table',
      headers: ['month', 'truth', 'as stored'],
      rows: h.months.map((m) => [m.month, m.expected, m.predicted]),
    },
  ];
}
