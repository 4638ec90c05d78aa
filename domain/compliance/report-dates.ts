import { canonicalIncidentText } from './evidence';

/**
 * Dates as people write them in incident records, and which of them say when the regulator was told. Pure, so the
 * offline extraction and the cross-check read a record's text the same way.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
// ISO "2026-03-03", "3 March 2026" / "3rd of March, 2026", "March 3, 2026", and the Australian day-first "03/03/2026".
const DATE = new RegExp(
  String.raw`\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH},? (\d{4})\b|\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`,
  'gi',
);

const DATE_AT_START = new RegExp(`^(?:${DATE.source})`, 'i');
const pad = (n: number) => String(n).padStart(2, '0');

function valid(year: number, month: number, day: number): string | null {
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Every calendar date in the text, as YYYY-MM-DD, with where it starts. Impossible dates (31/02) are skipped. */
export function datesIn(text: string): Array<{ iso: string; index: number }> {
  const found: Array<{ iso: string; index: number }> = [];
  for (const m of text.matchAll(DATE)) {
    const g = m.slice(1).map((x) => x ?? '');
    const iso = g[0]
      ? valid(+g[0], +g[1]!, +g[2]!)
      : g[3]
        ? valid(+g[5]!, monthNumber(g[4]!), +g[3])
        : g[6]
          ? valid(+g[8]!, monthNumber(g[6]), +g[7]!)
          : valid(+g[11]!, +g[10]!, +g[9]!);
    if (iso) found.push({ iso, index: m.index });
  }
  return found;
}

// Telling the regulator, in the words records use; "not yet notified" is the opposite, unless it says until when.
const REPORTED =
  /\b(report(ed|ing)?|notif(ied|ication|y)|lodged|filed|informed|told|advised|contacted|escalated to)\b[^.;]{0,60}?$/i;
// The ACMA's report is the one that counts: a notice to the OAIC alone is not one to the ACMA.
const REGULATOR = /\b(ACMA|regulator|authority)\b/i;
const NOT_YET =
  /\b(not (yet )?(been )?(reported|notified|lodged)|yet to (be )?(report|notif|lodg)|no notification (has been|was) (made|sent|lodged))(?![^.;]*\buntil\b)/i;
// A date the report is due by or planned for is not one it was made on.
const FUTURE =
  /(\b(due|deadline|will|to be|must|should|planned|scheduled|expected|intends?)\b[^.;]{0,25}|\bby (the )?)$/i;
// "On 4 March 2026 we notified the ACMA": the date before the words, when no later date is their object.
const AFTER =
  /^[^.;]{0,15}?\b(reported|notified|informed|told|advised|lodged|filed)\b[^.;]{0,30}?\b(ACMA|regulator)\b/i;
// "ACMA told that same day" / "the next day" / "two days later": relative to the incident's own date.
const RELATIVE =
  /\b(report(ed)?|notif(ied|y)|lodged|informed|told|advised)\b[^.;]{0,40}?\b(?:(the )?(same) day|(the )?(next|following) (day|morning)|(\d+) days? (later|after))/i;
// "on 5 March", "on the 18th of August", "Tues 14 Oct", "14/10" with no year: the first such date on or after the
// incident's. "the 14th" alone is that day of the incident's month, or the next month's when it has passed.
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,? )?`;
const YEARLESS = new RegExp(
  String.raw`\b(?:report(?:ed)?|notif(?:ied|y|ication)|lodged|filed|informed|told|advised)\b[^.;]{0,40}?\b(?:on )?${WEEKDAY}(?:the )?` +
    String.raw`(?:(?<day>\d{1,2})(?:st|nd|rd|th)?(?: of)? (?<month>${MONTH.slice(1, -4)})\.?|(?<monthFirst>${MONTH.slice(1, -4)})\.? (?<dayAfter>\d{1,2})(?:st|nd|rd|th)?|(?<dd>\d{1,2})/(?<mm>\d{1,2})(?!/)|(?<bare>\d{1,2})(?:st|nd|rd|th))(?!,? \d{4}|\d)`,
  'i',
);

function plusDays(iso: string, days: number): string {
  const at = new Date(`${iso}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Dates said only relative to the incident ("the same day") or without a year; the cross-check cannot verify them. */
function anchoredDates(sentence: string, openedOn: string): string[] {
  const relative = RELATIVE.exec(canonicalIncidentText(sentence));
  if (relative) return [plusDays(openedOn, relative[5] ? 0 : relative[7] ? 1 : Number(relative[9]))];
  const g = YEARLESS.exec(sentence)?.groups;
  if (!g) return [];
  const year = Number(openedOn.slice(0, 4));
  const day = Number(g.day ?? g.dayAfter ?? g.dd ?? g.bare);
  const opened = Number(openedOn.slice(5, 7));
  const month = g.month
    ? monthNumber(g.month)
    : g.monthFirst
      ? monthNumber(g.monthFirst)
      : g.mm
        ? Number(g.mm)
        : opened;
  const inYear = valid(year, month, day);
  if (!inYear) return [];
  if (inYear >= openedOn) return [inYear];
  return [
    (g.bare ? valid(month === 12 ? year + 1 : year, (month % 12) + 1, day) : valid(year + 1, month, day)) ?? inYear,
  ];
}

/**
 * The dates the text says the regulator was told on, earliest first. With the incident's own date (YYYY-MM-DD), also
 * "the same day", "two days later" and "on 5 March"; without it only full dates, which is what the cross-check reads.
 */
export function reportDatesInText(text: string, openedOn?: string): string[] {
  const dates = new Set<string>();
  for (const sentence of text.split(/(?<=[.;!?])\s+(?=[A-Z])|\n+/)) {
    if (!REGULATOR.test(sentence) || NOT_YET.test(sentence)) continue;
    const found = datesIn(sentence);
    found.forEach((d, i) => {
      const before = sentence.slice(0, d.index);
      const after = sentence.slice(d.index, found[i + 1]?.index ?? sentence.length).replace(DATE_AT_START, '');
      if (FUTURE.test(before)) return;
      if (REPORTED.test(before) || (!found[i + 1] && AFTER.test(after))) dates.add(d.iso);
    });
    if (!found.length && openedOn) anchoredDates(sentence, openedOn).forEach((d) => dates.add(d));
  }
  return [...dates].sort();
}
