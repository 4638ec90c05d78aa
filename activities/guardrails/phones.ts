import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Phone numbers by libphonenumber rather than a pattern: it reads spaced, dotted, bracketed and international forms
 * ("0413.999.888", "+1 415 555 0100", "04 13 99 98 88") and validates them against each country's numbering plan, so
 * dates and amounts are not mistaken for numbers. Numbers written nationally are tried as Australian, then as US and
 * UK numbers, the other formats a draft is likely to contain.
 */
const COUNTRIES: CountryCode[] = ['AU', 'US', 'GB'];
// Business numbers (1300, 1800, 13 xx xx, premium) are nobody's personal details.
const NOT_PERSONAL = new Set(['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN', 'VOICEMAIL']);

export interface PhoneMention {
  text: string;
  index: number;
  /** E.164, so any two spellings of one number compare equal. */
  e164: string;
}

export function findPhones(text: string): PhoneMention[] {
  const found: PhoneMention[] = [];
  // Spans already read under an earlier country, personal or not: "1300 123 456" is an Australian business number,
  // and must not be read again as a British one.
  const read: Array<[number, number]> = [];
  for (const country of COUNTRIES) {
    for (const m of findPhoneNumbersInText(text, country)) {
      if (!m.number.isValid() || read.some(([s, e]) => m.startsAt < e && s < m.endsAt)) continue;
      read.push([m.startsAt, m.endsAt]);
      if (NOT_PERSONAL.has(m.number.getType() ?? '')) continue;
      found.push({ text: text.slice(m.startsAt, m.endsAt), index: m.startsAt, e164: m.number.number });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** E.164 form of a number on file, read as Australian unless it says otherwise; null when it is not a phone number. */
export function phoneKey(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, 'AU');
  return parsed?.isValid() ? parsed.number : null;
}
