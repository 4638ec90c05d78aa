/**
 * Money in every spelling becomes "$<digits>", the one form the extractors read: other currencies and codes
 * ("USD 500", "500 bucks", "€79", "79,50 AUD"), magnitude suffixes ("$1k", "1.5m dollars"), and grouping or decimal
 * separators other than "1,234.50". A foreign currency is still money the customer is being told about, so it is read
 * at face value rather than left unread.
 */
const PREFIX = String.raw`(?:(?:A|AU|US|NZ|C|CA|HK|S)\$|\$|€|£|¥|₹|(?:AUD|USD|NZD|EUR|GBP|CAD|JPY)\b\s*\$?)`;
const SUFFIX = String.raw`(?:\$|€|£|dollars?|bucks?|quid|euros?|pounds?|(?:AUD|USD|NZD|EUR|GBP|CAD)\b)`;
// Digits with any grouping ("1,000", "1.000", "1 000", "1'000") and an optional decimal part ("79.50", "79,50").
// A leading zero is never grouping: "$0.045" is a rate, not $45.
const AMOUNT = String.raw`[1-9]\d{0,2}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+\.\d+|\d+(?:,\d{1,2}(?!\d))?`;
const MAGNITUDE = String.raw`(?:\s?(k|K|m|M|bn|mn|mil)\b|\s(thousand|million|billion)\b)?`;
const SCALE: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  bn: 1e9,
  mn: 1e6,
  mil: 1e6,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
};

/** "1.000,50" and "1 000" and "79,50" as numbers: the last separator is decimal when two or fewer digits follow it. */
export function readAmount(raw: string): number {
  const trimmed = raw.replace(/\s/g, ' ').trim();
  const last = /[.,](\d{1,2})$/.exec(trimmed);
  const whole = last ? trimmed.slice(0, last.index) : trimmed;
  return Number(`${whole.replace(/[^\d]/g, '')}${last ? `.${last[1]}` : ''}`);
}

const plain = (n: number) => String(Math.round(n * 10_000) / 10_000);

// "$45" and "$1,234.50" are left as written, so findings quote the reply's own words; every other spelling becomes
// "$<digits>", the one form the commitment patterns need to know.
const READABLE_CURRENCY = /^\$$/;
const READABLE_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function rewrite(match: string, currency: string, raw: string, unit?: string): string {
  if (!unit && READABLE_CURRENCY.test(currency) && READABLE_NUMBER.test(raw)) return match;
  return `$${plain(readAmount(raw) * (unit ? (SCALE[unit.toLowerCase()] ?? 1) : 1))}`;
}

export function canonicalMoney(text: string): string {
  return (
    text
      // "$ 5 0 0": digits spaced out after a currency sign.
      .replace(
        new RegExp(String.raw`(${PREFIX})\s?(\d(?: \d)+)(?!\d|[.,]\d)`, 'g'),
        (_, _p, d: string) => `$${d.replace(/ /g, '')}`,
      )
      .replace(
        new RegExp(String.raw`(${PREFIX})\s?(${AMOUNT})${MAGNITUDE}`, 'gi'),
        (m: string, cur: string, raw: string, unit?: string, word?: string) => rewrite(m, cur, raw, unit ?? word),
      )
      .replace(
        new RegExp(String.raw`(?<![\d$.,])(${AMOUNT})${MAGNITUDE}(\s?${SUFFIX})`, 'gi'),
        (m: string, raw: string, unit?: string, word?: string, cur?: string) =>
          // A trailing "$" ("500$") is not a form the extractors read; "500 dollars" is.
          rewrite(m, /\$/.test(cur ?? '') ? '' : (cur ?? ''), raw, unit ?? word),
      )
      .replace(/(?<![\d$.,])(\d+(?:\.\d+)?)\s?grand\b/gi, (_, n: string) => `$${plain(Number(n) * 1000)}`)
  );
}
