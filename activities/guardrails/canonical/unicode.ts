import unhomoglyph from 'unhomoglyph';

// Zero-width characters, soft hyphens and direction marks: invisible, so "cred\u200Bited" reads as "credited".
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** The value of any Unicode decimal digit: digits come in runs of ten starting at zero, so count back to the run's start. */
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let back = 0;
  while (back < 9 && /\p{Nd}/u.test(String.fromCodePoint(cp - back - 1))) back++;
  return String(back % 10);
}

/**
 * NFKC folds full-width and compatibility forms ("＄５００", "＠", "𝟓"); other scripts' digits ("٥٠٠") become ASCII,
 * and non-Latin letters that look Latin ("сredit" with a Cyrillic с) become the letter they imitate. unhomoglyph
 * would also turn digits into letters ("0" into "O"), so only non-ASCII letters are given to it.
 */
export function foldUnicode(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[^\x00-\x7F]/gu, (ch) => {
      if (/\p{Nd}/u.test(ch)) return digitValue(ch);
      if (!/\p{L}/u.test(ch)) return ch;
      const latin = unhomoglyph(ch);
      return /^[A-Za-z]+$/.test(latin) ? latin : ch;
    })
    .replace(/[\u2018\u2019\u02BC]/g, "'");
}
