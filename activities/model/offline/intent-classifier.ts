/**
 * The offline engine's intent classifier. This is NOT an LLM: it is a multinomial naive Bayes model over word
 * unigrams, word bigrams and character n-grams, trained in memory at start-up from the CSVs in
 * prompts/ticket/training. It is deterministic (same data, same text, same answer) and has no dependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LabelledExample {
  text: string;
  label: string;
}

export interface RankedIntent {
  intent: string;
  probability: number;
}

export interface IntentModel {
  readonly labels: readonly string[];
  /** Divisor applied to log-likelihoods before the softmax, fitted on a held-out fold of the training data. */
  readonly temperature: number;
  /** Every label, most probable first; probabilities sum to 1. */
  rank(text: string): RankedIntent[];
  /** Words of `text` that most favour `intent` over the average label, strongest first. */
  evidence(text: string, intent: string, limit?: number): string[];
  /** Share of the content words of `text` seen in training (1 for a text with none): how familiar the wording is. */
  coverage(text: string): number;
}

// Laplace smoothing below 1 because most features are seen in only one or two classes.
const ALPHA = 0.05;
// Character n-grams give typo tolerance ("recogniae"); together a word's n-grams weigh as much as the word.
const CHAR_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.8;
const CALIBRATION_FRACTION = 0.2;

// Function words only: negations and question words carry intent ("isn't working", "why was I charged").
const STOPWORDS = new Set(
  [
    'a an the to of for in on at by with from is am are was were be been being i me my mine im ive id you your ya u',
    'it its this that these those and or but so can could would will do does did just have has had there here',
    'our we us some any very really',
  ]
    .join(' ')
    .split(' '),
);

interface Feature {
  key: string;
  weight: number;
  /** Index into the surface words, so evidence can be reported as words. */
  word: number;
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('e')) return word.slice(0, -1);
  return word;
}

/** Lower-cased words with apostrophes folded ("isn't" → "isnt") and amounts abstracted, so "$45" matches "$30". */
export function tokenize(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/[\u2018\u2019'`]/g, '')
    .replace(/\$\s?\d[\d,.]*/g, ' money ')
    .replace(/\d+(\.\d+)?\s?(%|percent\b)/g, ' percent ')
    .replace(/\b\d+(\.\d+)?\b/g, ' num ');
  return folded.match(/[a-z0-9]+/g) ?? [];
}

function featurize(text: string): { words: string[]; features: Feature[] } {
  const words = tokenize(text).filter((w) => !STOPWORDS.has(w));
  const features: Feature[] = [];
  words.forEach((w, i) => {
    const s = stem(w);
    features.push({ key: `w:${s}`, weight: 1, word: i });
    const next = words[i + 1];
    if (next !== undefined) features.push({ key: `b:${s}_${stem(next)}`, weight: BIGRAM_WEIGHT, word: i });
    const padded = ` ${w} `;
    const grams: string[] = [];
    for (let n = 3; n <= 4; n++) for (let j = 0; j + n <= padded.length; j++) grams.push(padded.slice(j, j + n));
    for (const g of grams) features.push({ key: `c:${g}`, weight: CHAR_WEIGHT / grams.length, word: i });
  });
  return { words, features };
}

/** 32-bit FNV-1a over the trimmed, lower-cased text: stable across runs and platforms. */
export function hashText(text: string, salt = ''): number {
  let h = 0x811c9dc5;
  const s = salt + text.trim().toLowerCase();
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Deterministic split by a hash of the text, so identical texts always land on the same side. */
export function splitHeldOut<T extends { text: string }>(
  examples: readonly T[],
  fraction: number,
  salt = '',
): { train: T[]; heldOut: T[] } {
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const e of examples) (hashText(e.text, salt) / 2 ** 32 < fraction ? heldOut : train).push(e);
  return { train, heldOut };
}

/** RFC 4180 rows: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted && ch === '"' && source[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Every *.csv in `dir`, in name order; each needs `text` and `label` columns (others, like Bitext's, are ignored). */
export function loadTrainingExamples(dir: string): LabelledExample[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  if (files.length === 0) throw new Error(`no training CSV files in ${dir}`);
  return files.flatMap((file) => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    const textCol = header?.indexOf('text') ?? -1;
    const labelCol = header?.indexOf('label') ?? -1;
    if (textCol < 0 || labelCol < 0) throw new Error(`${file}: header must name "text" and "label" columns`);
    return rows.map((r, i) => {
      const text = r[textCol]?.trim() ?? '';
      const label = r[labelCol]?.trim() ?? '';
      if (!text || !label) throw new Error(`${file}: row ${i + 2} lacks a text or a label`);
      return { text, label };
    });
  });
}

/**
 * Most features occur under one or two labels, so counts are stored sparsely: log P(f | label) is `unseen[label]`
 * plus the feature's boost for that label, if it has one.
 */
interface Counts {
  labels: string[];
  /** Smoothed log-probability of a known feature never seen with the label. */
  unseen: Float64Array;
  /** Per feature, [label index, log-probability above `unseen`] for each label it was seen with. */
  boosts: Map<string, [number, number][]>;
}

/** Feature counts per label, over a label set fixed up front so a fold and the full set share indices. */
function createTally(labels: readonly string[]) {
  const tallies = new Map<string, Map<number, number>>();
  const totals = new Float64Array(labels.length);
  return {
    add(label: number, features: readonly Feature[]): void {
      for (const f of features) {
        let tally = tallies.get(f.key);
        if (!tally) tallies.set(f.key, (tally = new Map()));
        tally.set(label, (tally.get(label) ?? 0) + f.weight);
        totals[label]! += f.weight;
      }
    },
    counts(): Counts {
      const unseen = totals.map((t) => Math.log(ALPHA / (t + ALPHA * tallies.size)));
      const boosts = new Map<string, [number, number][]>();
      for (const [key, tally] of tallies) {
        const boost = [...tally].map(([c, n]): [number, number] => [c, Math.log((n + ALPHA) / ALPHA)]);
        boosts.set(key, boost);
      }
      return { labels: [...labels], unseen, boosts };
    },
  };
}

/**
 * Log-likelihood per label, with a uniform prior because the training mix says nothing about real traffic.
 * Dividing by the square root of the known feature mass stops long messages from looking certain merely because
 * they are long. Unknown features are skipped, so a message of unseen words stays close to uniform.
 */
function scores(counts: Counts, features: readonly Feature[]): Float64Array {
  const s = new Float64Array(counts.labels.length);
  let mass = 0;
  for (const f of features) {
    const boosts = counts.boosts.get(f.key);
    if (!boosts) continue;
    mass += f.weight;
    for (const [c, boost] of boosts) s[c]! += f.weight * boost;
  }
  return mass > 0 ? s.map((x, c) => (x + mass * counts.unseen[c]!) / Math.sqrt(mass)) : s;
}

function softmax(s: Float64Array, temperature: number): number[] {
  const max = Math.max(...s);
  const e = [...s].map((x) => Math.exp((x - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

function logLoss(scored: readonly { s: Float64Array; y: number }[], temperature: number): number {
  let loss = 0;
  for (const { s, y } of scored) {
    let max = -Infinity;
    for (const x of s) max = Math.max(max, x);
    let sum = 0;
    for (const x of s) sum += Math.exp((x - max) / temperature);
    loss += Math.log(sum) - (s[y]! - max) / temperature;
  }
  return loss;
}

/** The temperature minimising log-loss; log-loss is convex in 1/temperature, so golden-section search finds it. */
function fitTemperature(scored: readonly { s: Float64Array; y: number }[]): number {
  if (scored.length === 0) return 1;
  let [lo, hi] = [Math.log(0.02), Math.log(50)];
  const golden = (Math.sqrt(5) - 1) / 2;
  while (hi - lo > 1e-3) {
    const a = hi - golden * (hi - lo);
    const b = lo + golden * (hi - lo);
    if (logLoss(scored, Math.exp(a)) <= logLoss(scored, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

export function trainIntentClassifier(examples: readonly LabelledExample[]): IntentModel {
  if (examples.length === 0) throw new Error('cannot train an intent classifier on no examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const featurized = examples.map((e) => ({ ...e, y: labels.indexOf(e.label), features: featurize(e.text).features }));

  // Naive Bayes is wildly overconfident because a word's n-grams are far from independent. Scores are divided by
  // a temperature fitted on a held-out fold; the fold's counts are then topped up into the final model.
  const { train, heldOut } = splitHeldOut(featurized, CALIBRATION_FRACTION, 'calibration:');
  const tally = createTally(labels);
  for (const e of train) tally.add(e.y, e.features);
  const fold = tally.counts();
  const temperature = fitTemperature(heldOut.map((e) => ({ s: scores(fold, e.features), y: e.y })));
  for (const e of heldOut) tally.add(e.y, e.features);
  const counts = tally.counts();

  const rank = (text: string): RankedIntent[] =>
    softmax(scores(counts, featurize(text).features), temperature)
      .map((probability, i) => ({ intent: labels[i]!, probability }))
      .sort((a, b) => b.probability - a.probability || a.intent.localeCompare(b.intent));

  // Each word's character n-grams and bigram are credited to the word, so a reason can quote the customer.
  const evidence = (text: string, intent: string, limit = 3): string[] => {
    const target = labels.indexOf(intent);
    if (target < 0) return [];
    const { words, features } = featurize(text);
    const support = new Float64Array(words.length);
    const meanUnseen = counts.unseen.reduce((a, b) => a + b, 0) / labels.length;
    for (const f of features) {
      const boosts = counts.boosts.get(f.key);
      if (!boosts) continue;
      const own = counts.unseen[target]! + (boosts.find(([c]) => c === target)?.[1] ?? 0);
      const mean = meanUnseen + boosts.reduce((sum, [, boost]) => sum + boost, 0) / labels.length;
      support[f.word]! += f.weight * (own - mean);
    }
    const best = new Map<string, number>();
    words.forEach((w, i) => best.set(w, Math.max(best.get(w) ?? -Infinity, support[i]!)));
    return [...best]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  };

  const coverage = (text: string): number => {
    const { words } = featurize(text);
    if (words.length === 0) return 1;
    return words.filter((w) => counts.boosts.has(`w:${stem(w)}`)).length / words.length;
  };

  return { labels, temperature, rank, evidence, coverage };
}
