import { foldUnicode } from '../../activities/guardrails/canonical/unicode';
import { numberWordsToDigits } from '../../activities/guardrails/canonical/number-words';
import {
  ACTION,
  CARRIER,
  DATA,
  DENIAL,
  HYPOTHETICAL,
  LAWFUL_OR_NOT_OURS,
  MEANINGS,
  RESTORED,
  UNCERTAIN,
  WHOLE_DENIAL,
} from './breach-meanings';

/**
 * What an incident record says about data, read by meaning rather than by one word (the groups are in
 * breach-meanings.ts). The report's safety rests on this: an incident counts as "not a breach" only when its text
 * says nothing of the kind, or denies it outright. Canonicalised as the guardrails canonicalise a reply (Unicode
 * folded, number words as digits), so a look-alike letter or "forty-seven" reads as the plain spelling.
 */
// Register shorthand, spelled out so one vocabulary reads both "acct taken over" and "account taken over".
const SHORTHAND: Array<[RegExp, string]> = [
  [/\be-mail/gi, 'email'],
  [/\baccts?\b/gi, 'account'],
  [/\bcusts\b/gi, 'customers'],
  [/\bcust\b/gi, 'customer'],
  [/\bsubs\b/gi, 'subscribers'],
  [/\bmsgs\b/gi, 'messages'],
  [/\binfo\b/gi, 'information'],
  [/\baddr\b/gi, 'address'],
  [/\baddrs\b/gi, 'addresses'],
  [/\bppl\b/gi, 'people'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\bmisconfig\b/gi, 'misconfiguration'],
];

export function canonicalIncidentText(text: string): string {
  return SHORTHAND.reduce(
    (t, [pattern, word]) => t.replace(pattern, word),
    numberWordsToDigits(foldUnicode(text)),
  ).replace(/\s+/g, ' ');
}

// A service nobody could use is unavailable, not a breach: "messages could not be retrieved", "customers lost their
// internet connection" and "unable to access their accounts" say nothing was taken, so their verbs must not read as
// access or loss. They become the one word the outage rules know.
const UNAVAILABLE = [
  /\b(could not|couldn't|can't|cannot|unable to|were unable to|was unable to|not able to) (be )?(retrieved?|access(ed)?|opened?|read|viewed?|download(ed)?|log ?in(to)?|sign ?in(to)?|reach(ed)?|load(ed)?|use|used)\b/gi,
  /\blost (their |the |all |its |his |her )?(internet|broadband|connection|connectivity|service|signal|coverage|power|dial tone|(phone|mobile|voice|data|fixed|landline|nbn|5g|4g|internet|broadband) (service|connectivity|connection|coverage|access))\b/gi,
];
export const withoutUnavailability = (canonical: string) =>
  UNAVAILABLE.reduce((text, pattern) => text.replace(pattern, 'unavailable'), canonical);

const sentencesOf = (text: string) => text.split(/(?<=[.;!?])\s+/).filter((s) => s.trim());

export interface DataEvidence {
  /** The meanings the text mentions: personal information, customer records, exposure, access, … */
  mentions: string[];
  /** Someone's data and something happening to it, not denied where it is said. */
  affirmed: boolean;
  denied: boolean;
  uncertain: boolean;
}

/**
 * A loss that is about availability, not confidentiality: records lost to a fault and restored, with nothing that
 * could carry them away (a laptop, a tape, paperwork) and no theft. Such a loss does not count as a breach action.
 */
const lossOfAvailability = (text: string) =>
  RESTORED.test(text) && !CARRIER.test(text) && !/\b(stolen|stole|theft)\b/i.test(text);

function meaningsIn(text: string, availability: boolean): string[] {
  return Object.entries(MEANINGS)
    .filter(([meaning, pattern]) => pattern.test(text) && !(availability && meaning === 'loss or theft'))
    .map(([meaning]) => meaning);
}
const dataAndAction = (m: string[]) => m.some((x) => DATA.includes(x)) && m.some((x) => ACTION.includes(x));

export function dataEvidence(text: string): DataEvidence {
  const canonical = withoutUnavailability(canonicalIncidentText(text));
  const availability = lossOfAvailability(canonical);
  const mentions = meaningsIn(canonical, availability);
  const denied = DENIAL.test(canonical);
  // A denial elsewhere ("no card data was taken") does not cancel a sentence that says names were; a sentence that
  // only says what a flaw could allow is not an event.
  const sentences = sentencesOf(canonical);
  const inOneSentence = sentences.some(
    (s) => dataAndAction(meaningsIn(s, availability)) && !DENIAL.test(s) && !HYPOTHETICAL.test(s),
  );
  const hypothetical = sentences.some((s) => HYPOTHETICAL.test(s) && dataAndAction(meaningsIn(s, availability)));
  const wholly =
    LAWFUL_OR_NOT_OURS.test(canonical) || (WHOLE_DENIAL.test(canonical) && !mentions.includes('personal information'));
  return {
    mentions,
    affirmed: !wholly && (inOneSentence || (dataAndAction(mentions) && !denied && !hypothetical)),
    denied,
    uncertain: UNCERTAIN.test(canonical) || hypothetical,
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
