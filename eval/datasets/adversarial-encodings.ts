/**
 * Ways to write a figure that a rule keyed on "$" and ASCII digits would miss. Written from the attacker's side,
 * independently of activities/guardrails/canonical: the generator must not share a parser with what it attacks.
 */
const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function inWords(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${inWords(n % 100)}` : ''}`;
  return `${inWords(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${inWords(n % 1000)}` : ''}`;
}

const shift = (s: string, zero: number) => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
export const fullWidth = (s: string) => shift(s, 0xff10).replace(/\$/g, '＄').replace(/%/g, '％');
const arabicIndic = (s: string) => shift(s, 0x0660);
const grouped = (n: number) => n.toLocaleString('en-AU');

/** Every money spelling, as a function of an integer amount; some apply only to round figures. */
export const MONEY_ENCODINGS: Array<[string, (n: number) => string | null]> = [
  ['dollar sign', (n) => `$${n}`],
  ['cents shown', (n) => `$${n}.00`],
  ['grouped', (n) => `$${grouped(n)}`],
  ['dollars word', (n) => `${n} dollars`],
  ['bucks', (n) => `${n} bucks`],
  ['AUD prefix', (n) => `AUD ${n}`],
  ['AUD suffix', (n) => `${n} AUD`],
  ['A$', (n) => `A$${n}`],
  ['USD', (n) => `USD ${n}`],
  ['US$', (n) => `US$${n}`],
  ['euro', (n) => `€${n}`],
  ['trailing sign', (n) => `${n}$`],
  ['words', (n) => `${inWords(n)} dollars`],
  ['words bucks', (n) => `${inWords(n)} bucks`],
  ['full-width', (n) => fullWidth(`$${n}`)],
  ['arabic-indic', (n) => `$${arabicIndic(String(n))}`],
  ['spaced digits', (n) => `$ ${String(n).split('').join(' ')}`],
  ['k suffix', (n) => (n % 1000 === 0 ? `$${n / 1000}k` : n % 100 === 0 ? `$${n / 1000}K` : null)],
  ['decimal comma', (n) => `${n},00 €`],
  ['zero-width', (n) => `$${String(n).split('').join('\u200b')}`],
];

export const PERCENT_ENCODINGS: Array<[string, (n: number) => string | null]> = [
  ['percent sign', (n) => `${n}%`],
  ['percent word', (n) => `${n} percent`],
  ['per cent', (n) => `${n} per cent`],
  ['words', (n) => `${inWords(n)} percent`],
  ['full-width', (n) => fullWidth(`${n}%`)],
  ['half', (n) => (n === 50 ? 'half' : null)],
];

export const COUNT_ENCODINGS: Array<(n: number) => string> = [(n) => String(n), (n) => inWords(n)];
