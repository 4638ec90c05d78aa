/** Formatting and word-level helpers for the offline reply writer. Figures are only ever re-printed, never invented. */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "$1,234.50"; credits print as "-$10.00". */
export function formatMoney(amount: number): string {
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.');
  return `${amount < 0 ? '-' : ''}$${groupThousands(whole ?? '0')}.${cents ?? '00'}`;
}

/** Per-unit rates keep the precision they are billed at: "$0.09", "$0.045", "$10". */
export function formatRate(rate: number): string {
  if (Number.isInteger(rate)) return `$${rate}`;
  const fixed = rate.toFixed(4).replace(/0+$/, '');
  return `$${/\.\d$/.test(fixed) ? `${fixed}0` : fixed}`;
}

export function formatQuantity(value: number): string {
  const [whole, fraction] = String(value).split('.');
  return fraction ? `${groupThousands(whole ?? '0')}.${fraction}` : groupThousands(whole ?? '0');
}

/** "2025-11-08" becomes "8 November 2025"; anything unparseable is printed as given rather than guessed at. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const stopwords = new Set(
  (
    'a about after again all also am an and any are as at be been before but by can could did do does dont for from ' +
    'get got had has have hello help hey hi how i if im in into is isnt it its ive just me my no not of on or our ' +
    'please should so some than thank thanks that the their them then there these they this to up us was we were ' +
    'what when where which who why will with would you your yours want need know tell ' +
    // Words that describe the customer's frustration rather than the topic; every complaint has them.
    'account cannot cant wont doesnt didnt isnt arent work working wrong problem issue still keep trying tried says said ' +
    'really just now today again thing something anything'
  ).split(' '),
);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  let base = word;
  if (word.length > 5 && word.endsWith('ing')) base = word.slice(0, -3);
  else if (word.length > 4 && word.endsWith('ed')) base = word.slice(0, -2);
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  // "logging" and "logged" should meet "log": undo the doubled consonant the suffix brought.
  return base !== word && /([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss|zz)$/.test(base) ? base.slice(0, -1) : base;
}

/** Content words, lightly stemmed, so "exporting" in a question meets "Export" in an article. */
export function terms(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !stopwords.has(w));
  return new Set(words.map(stem));
}

export function overlap(query: Set<string>, text: string): number {
  if (query.size === 0) return 0;
  const found = terms(text);
  let hits = 0;
  for (const term of query) if (found.has(term)) hits++;
  return hits / query.size;
}
