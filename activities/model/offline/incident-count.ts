import { canonicalIncidentText } from '../../../domain/compliance/evidence';

/**
 * How many customers an incident record says were affected, read from its text. Rules, not a model: a stated count
 * in digits or words ("forty-seven", "12 thousand", "12k"), hedged ("approx.", "about", "up to", "at least") or as a
 * range (the upper bound: the most the record says may be affected).
 */
const HEDGE = String.raw`(?:(?:approx\.?|approximately|about|around|roughly|some|an estimated|estimated|up to|as many as|nearly|almost|just (?:over|under)|over|more than|at least|close to|in excess of|fewer than|under|circa|c\.|~)\s*)?`;
const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?[km]?)`;
const FILLER = String.raw`(?:of (?:our|the|their)\s+)?(?:(?!hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b|of\b)[\w'-]+\s+){0,2}?`;

// Who or what the count is of, most telling first: people, then their accounts and records, then the documents that
// each carry one customer's details ("75 statements"). A count of people outranks a count of rows or letters.
const NOUNS = [
  String.raw`(?:customers?|custs?|subscribers?|members?|users?|account[- ]holders?|people|ppl|pax|persons|individuals|clients|households|residents|homes|premises|services|callers|applicants|recipients|consumers|owners|families|tenants)`,
  String.raw`(?:accounts?|profiles?|records?|files|identities|(?:order |customer )?IDs|orders)`,
  String.raw`(?:statements|bills|invoices|letters|notices|emails|messages|texts|SMS|forms|applications|contracts|welcome packs|packs|envelopes|documents|recordings|calls|email addresses|addresses|phone numbers|mobile numbers|numbers|lines|SIMs|phones|handsets)`,
];
const boundary = String.raw`(?<![\d,.\-/:$])\b`;
const rangeOf = (noun: string) =>
  new RegExp(
    String.raw`${boundary}(?:between\s+)?${HEDGE}${N}\s*(?:-|–|to|and|or)\s*${HEDGE}${N}\s+${FILLER}${noun}\b`,
    'i',
  );
const countOf = (noun: string) => new RegExp(String.raw`${boundary}${HEDGE}${N}['"’]?(?:\s+${FILLER}|-)${noun}\b`, 'i');
// "customers affected: 350", "affecting 1,200", "a total of 90 impacted": a count with no noun after it.
const LABELLED = new RegExp(
  String.raw`\b(?:(?:customers|subscribers|accounts|people|users|services)\s+)?(?:affected|impacted|involved|exposed)\s*(?::|=|was|were|is|totall?(?:ed|ing)|of)\s*${HEDGE}${N}(?![\d,]*\s*(?:hours?|minutes?|days?|weeks?|%))|\b(?:affecting|impacting)\s+${HEDGE}${N}\b(?!\s*(?:hours?|minutes?|days?|%))`,
  'i',
);
// Register shorthand "x1", "x 3" closing a clause: that many of whatever the record is about.
const TIMES = /(?:^|\s)x\s?(\d{1,6})(?=\s*(?:[.;,]|$))/i;
const ONE =
  /\b(one|a single|single|only one|just one|an individual)\s+(customer|subscriber|member|user|account holder|person)\b|\ba (customer|subscriber|member|account holder)'s\b/i;

const SCALE: Record<string, number> = { k: 1e3, m: 1e6 };
function read(raw: string): number {
  const plain = raw.replace(/,/g, '').toLowerCase();
  const scale = SCALE[plain.slice(-1)];
  return scale ? Math.round(Number(plain.slice(0, -1)) * scale) : Number(plain);
}

// Fractions the number-word reader leaves in words: "two and a half thousand", "half a million", "a dozen".
const spelledFractions = (text: string) =>
  text
    .replace(/\b(\d+) and a half (thousand|1000|million|1000000)\b/gi, (_, n: string, unit: string) =>
      String((Number(n) + 0.5) * (/^(thousand|1000)$/i.test(unit) ? 1e3 : 1e6)),
    )
    .replace(/\bhalf (a )?(million|1000000)\b/gi, '500000')
    .replace(/\bhalf (a )?(thousand|1000)\b/gi, '500')
    .replace(/\ba dozen\b/gi, '12');

export function customerCountInText(description: string): number | null {
  const text = spelledFractions(canonicalIncidentText(description));
  for (const noun of NOUNS) {
    const range = rangeOf(noun).exec(text);
    if (range) return read(range[2]!);
    const count = countOf(noun).exec(text);
    if (count && Number.isInteger(read(count[1]!))) return read(count[1]!);
  }
  const labelled = LABELLED.exec(text);
  if (labelled) return read((labelled[1] ?? labelled[2])!);
  if (ONE.test(text)) return 1;
  const times = TIMES.exec(text);
  return times ? Number(times[1]) : null;
}
