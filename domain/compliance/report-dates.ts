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

// Telling the regulator, in the words records use; "not yet notified" is the opposite.
const REPORTED = /\b(report(ed|ing)?|notif(ied|ication|y)|lodged|filed|informed|told)\b[^.;]{0,60}?$/i;
const REGULATOR = /\b(ACMA|regulator|OAIC|authority)\b/i;
const NOT_YET = /\b(not (yet )?(been )?(reported|notified)|yet to (be )?(report|notif))/i;

/** The dates the text says the regulator was told on, earliest first. */
export function reportDatesInText(text: string): string[] {
  const dates = new Set<string>();
  for (const sentence of text.split(/(?<=[.;!?])\s+(?=[A-Z])|\n+/)) {
    if (!REGULATOR.test(sentence) || NOT_YET.test(sentence)) continue;
    for (const d of datesIn(sentence)) {
      if (REPORTED.test(sentence.slice(0, d.index))) dates.add(d.iso);
    }
  }
  return [...dates].sort();
}
