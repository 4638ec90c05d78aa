/**
 * Email addresses written to slip past a pattern: "jane dot doe at example dot com", "john [at] example [dot] com",
 * "john.smith @ example.com". Each becomes "local@domain" so the privacy check reads it like any other address.
 * Phone numbers need no rewriting: libphonenumber reads spaced, dotted and international forms as they are.
 */
const DOT = String.raw`(?:\s*\.\s*|\s+dot\s+|\s*[[({<]\s*dot\s*[\])}>]\s*)`;
const AT = String.raw`(?:\s*@\s*|\s+at\s+|\s*[[({<]\s*at\s*[\])}>]\s*)`;
const LABEL = String.raw`[a-z0-9_%+-]+`;
// The last label must be a known top-level domain, in the pattern itself, so a failed reading ("holder at jane dot
// doe") lets the scan move on and find the address that follows.
const TLD = String.raw`(?:com|net|org|edu|gov|info|biz|io|co|me|app|dev|email|online|au|nz|uk|us|ca|ie|in|sg|example|test|invalid)`;
const EMAILISH = new RegExp(
  String.raw`(?<![\w.@-])(${LABEL}(?:${DOT}${LABEL})*)(${AT})([a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}${TLD})\b`,
  'gi',
);
const SPELLED = /\s+dot\s+|[[({<]\s*(?:dot|at)\s*[\])}>]/i;
const CUE = /\b(?:e-?mail(?:ed)?|mail|write to|contact|reach|address|send (?:it|them|this) to)\b[^.?!]{0,30}$/i;

const compact = (part: string) => part.replace(new RegExp(DOT, 'gi'), '.');

export function canonicalEmails(text: string): string {
  return text.replace(EMAILISH, (match: string, local: string, at: string, domain: string, offset: number) => {
    const realAt = at.trim() === '@';
    // A bare " at " is ordinary English ("look at example.com"); it joins an address only when something else says so.
    const obfuscated = SPELLED.test(match) || /\S\s*\.\s*\S/.test(local) || CUE.test(text.slice(0, offset));
    if (!realAt && !obfuscated) return match;
    if (realAt && !/\s/.test(match)) return match;
    return `${compact(local)}@${compact(domain)}`;
  });
}
