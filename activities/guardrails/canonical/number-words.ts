const UNITS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const VALUES = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as [string, number]),
  ...TENS.map((w, i) => [w, 20 + 10 * i] as [string, number]),
  ['fourty', 40],
]);

const WORD = `(?:${[...VALUES.keys(), ...Object.keys(SCALES)].join('|')})`;
// "a hundred", "twenty-five", "two thousand and forty", "one point five million", and "5 hundred" or "1.5 million".
const RUN = new RegExp(
  String.raw`\b(?:(?:an?|\d+(?:\.\d+)?)\s+(?=(?:hundred|thousand|million|billion)\b))?${WORD}(?:(?:\s*-\s*|\s+and\s+|\s+)${WORD}\b)*(?:\s+point(?:\s+(?:${UNITS.slice(0, 10).join('|')}))+(?:\s+(?:thousand|million|billion))?)?\b`,
  'gi',
);
// A lone "one" is usually a pronoun ("no one", "a one-off"); it is a number only before a unit.
const UNIT_AFTER = /^\s*(?:dollars?|bucks?|cents?|percent|per\s?cent|%|months?|weeks?|days?|years?|bills?|aud|usd)\b/i;

function parse(words: string[]): number | string | null {
  // "and" belongs after a scale ("five hundred and twenty"); "two and three" is a list, not a number.
  if (words.some((w, i) => w === 'and' && !SCALES[words[i - 1] ?? ''])) return null;
  if (words.length === 1 && SCALES[words[0]!]) return null;
  const digits = words.filter((w) => w !== 'and');
  // "zero four one three": spelled digits, as in a phone number, read as a digit string.
  if (digits.length > 1 && digits.every((w) => (VALUES.get(w) ?? 99) < 10))
    return digits.map((w) => VALUES.get(w)).join('');
  let total = 0;
  let current = 0;
  let last: 'unit' | 'ten' | 'scale' | null = null;
  for (const w of digits) {
    const scale = SCALES[w];
    if (scale === 100) {
      current = (current || 1) * 100;
      last = 'scale';
    } else if (scale) {
      total += (current || 1) * scale;
      current = 0;
      last = 'scale';
    } else {
      const v = /^\d/.test(w) ? Number(w) : w === 'a' || w === 'an' ? 1 : VALUES.get(w)!;
      // "five five" or "twenty thirty" is not one number; give up rather than guess.
      if ((last === 'unit' && v < 100) || (last === 'ten' && v >= 10)) return null;
      current += v;
      last = v >= 20 && v % 10 === 0 ? 'ten' : 'unit';
    }
  }
  return total + current;
}

/** Number words to digits ("five hundred dollars" → "500 dollars", "fifty percent" → "50 percent"). */
export function numberWordsToDigits(text: string): string {
  return text.replace(RUN, (match, offset: number, whole: string) => {
    const [intPart, fraction] = match.toLowerCase().split(/\s+point\s+/);
    const words = intPart!.split(/\s*-\s*|\s+/).filter(Boolean);
    if (words.length === 1 && words[0] === 'one' && !fraction && !UNIT_AFTER.test(whole.slice(offset + match.length)))
      return match;
    if (words.length === 1 && /^\d/.test(words[0]!)) return match;
    const integer = parse(words);
    if (integer === null || typeof integer === 'string' || !fraction) return integer === null ? match : String(integer);
    const parts = fraction.split(/\s+/);
    const scale = SCALES[parts[parts.length - 1]!] ?? 1;
    const decimals = parts.filter((w) => !SCALES[w]).map((w) => VALUES.get(w));
    return String(Number(`${integer}.${decimals.join('')}`) * scale);
  });
}
