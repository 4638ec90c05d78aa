/** Extractors for the facts a reply can state. Each mention keeps its source text so findings can quote it. */
export interface Mention {
  text: string;
  index: number;
  value: number;
}

export interface AmountMention extends Mention {
  /** Set for rates such as "$0.09/MB". */
  per?: string;
}

export interface AllowanceMention extends Mention {
  /** The value in megabytes, decimal convention (1 GB = 1000 MB). */
  mb: number;
}

export interface TimeframeMention {
  text: string;
  index: number;
  low: number;
  high: number;
  /** The span in days, or in hours for hour-based timeframes. */
  unit: 'day' | 'hour';
}

export interface SimpleDate {
  year?: number;
  month: number;
  day: number;
}

export interface DateMention extends SimpleDate {
  text: string;
  index: number;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** Collect matches in priority order, skipping any that overlap an earlier, more specific one. Patterns need /g. */
export function collect<T extends { index: number; text: string }>(
  text: string,
  rules: Array<[RegExp, (m: RegExpExecArray) => T | null]>,
): T[] {
  const found: T[] = [];
  for (const [pattern, build] of rules) {
    for (const m of text.matchAll(pattern)) {
      const item = build(m);
      if (!item) continue;
      const end = item.index + item.text.length;
      if (found.some((f) => item.index < f.index + f.text.length && f.index < end)) continue;
      found.push(item);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function toNumber(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

export function extractAmounts(text: string): AmountMention[] {
  const per = String.raw`(?:\s?(?:\/|per\s+)(MB|GB|KB|month|mth|day|min(?:ute)?|SMS|text|call))?`;
  const amount = (m: RegExpExecArray, raw: string, scale = 1, unit?: string): AmountMention => ({
    text: m[0].trim(),
    index: m.index,
    value: toNumber(raw) * scale,
    ...(unit ? { per: unit } : {}),
  });
  return collect<AmountMention>(text, [
    [new RegExp(String.raw`(?:A|AU)?\$\s?(${NUM})${per}`, 'gi'), (m) => amount(m, m[1]!, 1, m[2])],
    [new RegExp(String.raw`\bAUD\s?(${NUM})${per}`, 'gi'), (m) => amount(m, m[1]!, 1, m[2])],
    [new RegExp(String.raw`\b(${NUM})\s?(?:dollars?|AUD)\b${per}`, 'gi'), (m) => amount(m, m[1]!, 1, m[2])],
    [new RegExp(String.raw`\b(${NUM})\s?(?:cents?|c)\b${per}`, 'gi'), (m) => amount(m, m[1]!, 0.01, m[2])],
    // A bare "45.00" reads as money; other bare numbers are too ambiguous to check.
    [/(?<![\d.$/:-])\b(\d+\.\d{2})\b(?![\d.%]|\s?(?:KB|MB|GB|TB|%|percent))/gi, (m) => amount(m, m[1]!)],
  ]).map((a) => ({ ...a, value: round(a.value) }));
}

export function extractPercents(text: string): Mention[] {
  return collect<Mention>(text, [
    [/\b(\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s?cent\b)/gi, (m) => ({ text: m[0], index: m.index, value: +m[1]! })],
    [/\bhalf[-\s](?:price|off)\b/gi, (m) => ({ text: m[0], index: m.index, value: 50 })],
  ]);
}

const UNIT_MB: Record<string, number> = { KB: 0.001, MB: 1, GB: 1000, TB: 1_000_000 };

export function extractAllowances(text: string): AllowanceMention[] {
  return collect<AllowanceMention>(text, [
    [
      new RegExp(String.raw`(?<![$\d.])\b(${NUM})\s?(KB|MB|GB|TB)\b`, 'gi'),
      (m) => {
        const value = toNumber(m[1]!);
        return { text: m[0], index: m.index, value, mb: value * UNIT_MB[m[2]!.toUpperCase()]! };
      },
    ],
  ]);
}

export function extractTimeframes(text: string): TimeframeMention[] {
  const pattern = /\b(\d+)(?:\s?(?:–|—|-|to)\s?(\d+))?\s+(?:business\s+|working\s+|calendar\s+)?(day|hour|week)s?\b/gi;
  return collect<TimeframeMention>(text, [
    [
      pattern,
      (m) => {
        const unit = m[3]!.toLowerCase();
        const scale = unit === 'week' ? 7 : 1;
        const low = +m[1]! * scale;
        const high = (m[2] ? +m[2] : +m[1]!) * scale;
        return { text: m[0], index: m.index, low, high, unit: unit === 'hour' ? 'hour' : 'day' };
      },
    ],
  ]);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Capitalised only, so "you may 2" and "march 3 km" are not dates.
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const ORD = '(?:st|nd|rd|th)?';

export function extractDates(text: string): DateMention[] {
  const date = (m: RegExpExecArray, day: string, month: number, year?: string): DateMention | null => {
    const d = +day;
    if (month < 1 || month > 12 || d < 1 || d > 31) return null;
    const y = year === undefined ? undefined : year.length === 2 ? 2000 + +year : +year;
    return { text: m[0], index: m.index, day: d, month, ...(y === undefined ? {} : { year: y }) };
  };
  const named = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  return collect<DateMention>(text, [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (m) => date(m, m[3]!, +m[2]!, m[1])],
    // Australian order: "15/01/2025" is 15 January.
    [/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g, (m) => date(m, m[1]!, +m[2]!, m[3])],
    [
      new RegExp(String.raw`\b(\d{1,2})${ORD}(?:\s+of)?\s+${MONTH}(?:,?\s+(\d{4}))?\b`, 'g'),
      (m) => date(m, m[1]!, named(m[2]!), m[3]),
    ],
    [
      new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})${ORD}\b(?:,?\s+(\d{4})\b)?`, 'g'),
      (m) => date(m, m[2]!, named(m[1]!), m[3]),
    ],
  ]);
}

export function parseIsoDate(iso: string): SimpleDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { year: +m[1]!, month: +m[2]!, day: +m[3]! } : null;
}

/** Calendar or business-day arithmetic, in UTC so the result never depends on the host's zone. */
export function addDays(from: SimpleDate, days: number, business = false): SimpleDate {
  const d = new Date(Date.UTC(from.year ?? 2000, from.month - 1, from.day));
  for (let left = days; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (!business || (d.getUTCDay() !== 0 && d.getUTCDay() !== 6)) left--;
  }
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A mention without a year ("15 January") matches that day in any year. */
export function sameDay(mention: SimpleDate, fact: SimpleDate): boolean {
  return (
    mention.month === fact.month &&
    mention.day === fact.day &&
    (mention.year === undefined || fact.year === undefined || mention.year === fact.year)
  );
}

export function round(value: number, places = 4): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** Money compares to the cent, so "$45", "$45.00" and 500 × 0.09 are one amount. */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005 - 1e-9 || a === b;
}

/** Data compares in MB, accepting the 1 GB = 1024 MB convention as well as 1000. */
export function sameMb(a: number, b: number): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) <= Math.max(0.01, Math.abs(y) * 1e-6);
  return near(a, b) || near(a * 1.024, b) || near(a, b * 1.024);
}

/** Sentence ends are punctuation followed by space, so "$0.09" stays whole. */
export function splitSentences(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  const ends = [...text.matchAll(/[.!?]+(?=\s|$)|\n/g)].map((m) => m.index + m[0].length);
  let start = 0;
  for (const end of [...ends, text.length]) {
    const piece = text.slice(start, end);
    if (piece.trim()) out.push({ text: piece, index: start });
    start = end;
  }
  return out;
}

export function quote(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}"`;
}
