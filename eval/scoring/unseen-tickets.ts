/**
 * Figures for the hand-written set (datasets/tickets-unseen.jsonl), per part, beside the Bitext hash split: how the
 * engine does on wording nobody trained it on, whether its confidence means anything there (ECE), and the figure
 * that matters most, replies sent automatically that should not have been.
 */
import { expectedCalibrationError } from '../calibration';
import type { UnseenRow } from '../datasets/tickets-unseen';
import type { SliceSection } from '../report/model';
import type { TicketOutcome } from '../../activities/evaluation/outcomes';

export interface SliceFigures {
  name: string;
  n: number;
  department: number | null;
  intent: number | null;
  ece: number | null;
  /** Full-pipeline slices only (null for classify-only rows). */
  sent: number | null;
  /** Sent with the wrong intent, or sent although the row says a person must see it. */
  wrongSent: number | null;
  /** Vague openings that got the clarifying question, of those labelled vague. */
  clarified: { asked: number; of: number } | null;
}

const share = (hits: number, of: number) => (of ? hits / of : null);

export function sliceFigures(
  name: string,
  outcomes: readonly TicketOutcome[],
  autoSend?: ReadonlyMap<string, boolean>,
): SliceFigures {
  const scored = outcomes.filter((o) => !o.error && o.expected.intent);
  const points = scored.flatMap((o) =>
    o.predicted.confidence === undefined
      ? []
      : [{ confidence: o.predicted.confidence, correct: o.predicted.intent === o.expected.intent }],
  );
  const full = scored.filter((o) => o.stage === 'full');
  const sent = full.filter((o) => o.predicted.route === 'send');
  const wrong = sent.filter((o) => o.predicted.intent !== o.expected.intent || autoSend?.get(o.id) === false);
  const vague = full.filter((o) => o.tags.includes('vague'));
  return {
    name,
    n: outcomes.length,
    department: share(scored.filter((o) => o.predicted.department === o.expected.department).length, scored.length),
    intent: share(scored.filter((o) => o.predicted.intent === o.expected.intent).length, scored.length),
    ece: expectedCalibrationError(points),
    sent: full.length ? sent.length : null,
    wrongSent: full.length ? wrong.length : null,
    clarified: vague.length
      ? { asked: vague.filter((o) => o.predicted.route === 'clarify').length, of: vague.length }
      : null,
  };
}

/** The misses, for tuning: id, expected and predicted intent, confidence and route. Held-out rows are never listed. */
export function sliceMisses(outcomes: readonly TicketOutcome[]): string[] {
  return outcomes
    .filter((o) => !o.tags.includes('unseen-held-out'))
    .filter((o) => o.predicted.department !== o.expected.department || o.predicted.intent !== o.expected.intent)
    .map(
      (o) => `${o.id}: ${o.expected.intent} -> ${o.predicted.intent} ${o.predicted.confidence} ${o.predicted.route}`,
    );
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

export function sliceTable(slices: readonly SliceFigures[]): { headers: string[]; rows: string[][] } {
  return {
    headers: ['Set', 'Items', 'Department', 'Intent', 'ECE', 'Sent', 'Wrong sent', 'Vague → clarify'],
    rows: slices.map((s) => [
      s.name,
      String(s.n),
      pct(s.department),
      pct(s.intent),
      s.ece === null ? 'n/a' : s.ece.toFixed(3),
      s.sent === null ? 'n/a' : String(s.sent),
      s.wrongSent === null ? 'n/a' : String(s.wrongSent),
      s.clarified ? `${s.clarified.asked} of ${s.clarified.of}` : 'n/a',
    ]),
  };
}

export interface UnseenRun {
  label: string;
  bitext: TicketOutcome[];
  unseen: TicketOutcome[];
}

/** Per variant: the Bitext split, then the hand-written set's tuning part, held-out part and whole. */
export function unseenSection(runs: readonly UnseenRun[], rows: readonly UnseenRow[]): SliceSection {
  const autoSend = new Map(rows.map((r) => [r.id, r.autoSend]));
  const of = (o: TicketOutcome[], tag: string) => o.filter((x) => x.tags.includes(tag));
  const slices = runs.flatMap((r) => {
    const prefix = runs.length > 1 ? `${r.label}: ` : '';
    return [
      sliceFigures(`${prefix}Bitext hash split (classify only)`, r.bitext),
      sliceFigures(`${prefix}hand-written, tuning part`, of(r.unseen, 'unseen-tuning'), autoSend),
      sliceFigures(`${prefix}hand-written, held-out part`, of(r.unseen, 'unseen-held-out'), autoSend),
      sliceFigures(`${prefix}hand-written, all`, r.unseen, autoSend),
    ];
  });
  return {
    title: 'Unseen wording: the hand-written set beside the Bitext split',
    note:
      'The hand-written set (eval/datasets/tickets-unseen.jsonl) was written without Bitext, the training data or ' +
      "the engine's answers, and is never trained on. Rows run the full pipeline (draft, guardrails, routing). " +
      'Wrong sent: sent with the wrong intent, or sent although the row needs a person. ECE: intent confidence ' +
      'against intent correctness, 10 bins.',
    ...sliceTable(slices),
  };
}
