import { foldUnicode } from '../../activities/guardrails/canonical/unicode';
import { numberWordsToDigits } from '../../activities/guardrails/canonical/number-words';

/**
 * What an incident record says about data, read by meaning rather than by one word. The report's safety rests on
 * this: an incident counts as "not a breach" only when its text says nothing of the kind, or denies it outright.
 * Canonicalised as the guardrails canonicalise a reply (Unicode folded, number words as digits), so a look-alike
 * letter or "forty-seven" reads as the plain spelling.
 */
export function canonicalIncidentText(text: string): string {
  return numberWordsToDigits(foldUnicode(text))
    .replace(/\be-mail/gi, 'email')
    .replace(/\s+/g, ' ');
}

// Each group is one meaning, in the many ways a person logs it.
const MEANINGS: Record<string, RegExp> = {
  'personal information':
    /\b(personal (information|data|details)|PII|names?|(home|postal|email|service|billing) addresses|dates? of birth|licence numbers?|passports?|ID documents|identity (documents|checks)|card (numbers|details|data)|payment (card|details)|account (numbers?|details|PINs?|balances)|phone numbers|mobile numbers|call (records|history|recordings)|billing (data|details|history)|invoices|statements|session (tokens|data)|credentials)\b/i,
  'customer records':
    /\b(customer|subscriber|member|user|client)s?'?\s+(records?|data|details|information|profiles?|accounts?|files?|lists?)\b|\b(customer|subscriber|member) (database|export|spreadsheet)|\b(records|profiles|spreadsheet|database|export|mailing list|transcripts|application forms)\b/i,
  exposure:
    /\b(expos(ed|ure|ing)|publicly (readable|accessible|available)|open to the internet|indexed by|leak(ed|s)?|published|visible to|could be (downloaded|viewed|read))\b/i,
  access:
    /\b(accessed|unauthori[sz]ed (access|party|user)|gained access|logged into|took over|intruders?|hackers?|attackers?|compromised|viewed|retrieved|downloaded|copied|exfiltrat\w*|breach(ed)?)\b/i,
  disclosure:
    /\b(disclos\w*|reveal\w*|(shown|showed|displayed|sent|emailed|posted|mailed|handed|given|shared) (\w+ ){0,3}(to|with) (the )?(wrong|other|another|an? (external|third)|unintended)|misdirected|misaddressed|wrong (recipient|address|household|customer)|another (customer|user)'s|sold)\b/i,
  'loss or theft': /\b(lost|stolen|theft|missing|not (been )?recovered|left (in|on|at) (a|the) |thrown (in|into|out))/i,
};

// An explicit denial: positive evidence that no one's data was involved.
const DENIAL =
  /\b(no|nor|without) (\w+ ){0,3}(data|information|records|details)\b|\bnot an? (data )?breach\b|\bno (evidence|indication|sign)s? of (\w+ ){0,2}(access|exploitation|exfiltration|compromise)|\bnever exploited\b|\bnot involved\b/i;
// Words that turn a denial into a hope.
const UNCERTAIN =
  /\b(may|might|possibly|potentially|unclear|unknown|not yet (known|confirmed|determined)|under investigation|suspected|could have|believed|likely|unconfirmed|being assessed)\b/i;

const DATA = ['personal information', 'customer records'];
const ACTION = ['exposure', 'access', 'disclosure', 'loss or theft'];
const sentencesOf = (text: string) => text.split(/(?<=[.;!?])\s+/).filter((s) => s.trim());

export interface DataEvidence {
  /** The meanings the text mentions: personal information, customer records, exposure, access, … */
  mentions: string[];
  /** Someone's data and something happening to it, not denied where it is said. */
  affirmed: boolean;
  denied: boolean;
  uncertain: boolean;
}

const meaningsIn = (text: string) =>
  Object.entries(MEANINGS)
    .filter(([, pattern]) => pattern.test(text))
    .map(([meaning]) => meaning);
const dataAndAction = (m: string[]) => m.some((x) => DATA.includes(x)) && m.some((x) => ACTION.includes(x));

export function dataEvidence(text: string): DataEvidence {
  const canonical = canonicalIncidentText(text);
  const mentions = meaningsIn(canonical);
  const denied = DENIAL.test(canonical);
  // A denial elsewhere ("no card data was taken") does not cancel a sentence that says names were.
  const inOneSentence = sentencesOf(canonical).some((s) => dataAndAction(meaningsIn(s)) && !DENIAL.test(s));
  return {
    mentions,
    affirmed: inOneSentence || (dataAndAction(mentions) && !denied),
    denied,
    uncertain: UNCERTAIN.test(canonical),
  };
}

/** Why an incident not typed a breach may be one, or null when the text is positive evidence that it is not. */
export function breachDoubt(text: string): string | null {
  const e = dataEvidence(text);
  if (e.mentions.length === 0) return null;
  if (e.denied && !e.uncertain && !e.affirmed) return null;
  const said = e.mentions.join(', ');
  if (e.affirmed) return `the record describes ${said}: not a breach only on a reviewer's word`;
  return e.denied
    ? `the record mentions ${said} and only doubts that data was involved`
    : `the record mentions ${said}: not a breach only on a reviewer's word`;
}
