import { benefitHits, type BenefitHit, type BenefitKind } from './benefits';
import { extractAmounts, extractPercents, splitSentences, type Mention } from './extract';

/** A sentence that tells the customer they will get something, with every figure in it that is not refused. */
export interface Commitment {
  sentence: string;
  kinds: BenefitKind[];
  amounts: Array<Mention & { kind: BenefitKind }>;
  percents: Mention[];
  immediate: boolean;
}

// A refusal is a negation governing the benefit word with nothing but filler between: "can't offer a discount",
// "not eligible for a refund", "no credit". "didn't hesitate to credit" and "not only credited" are not refusals.
const REFUSAL = new RegExp(
  String.raw`(?:\b(?:can ?not|can't|unable to|not able to|won't|will not|wouldn't|would not|don't|do not|doesn't|does not|didn't|did not|isn't|aren't|is not|are not|wasn't|weren't|never|no|nor|not)\b)(?:\s+(?:be|been|able|to|offer|offering|give|giving|provide|apply|issue|process|approve|grant|promise|arrange|authori[sz]e|make|a|an|any|the|you|your|this|that|it|for|eligible|qualify|available|possible|normally|usually|generally|currently|automatically|always|ourselves|here|in|chat|a|eligible|entitled|to))*\s*$`,
  'i',
);
// Clause edges for a refusal's reach; amounts are still read across the whole sentence.
const CLAUSE =
  /[,;:()]|\s[-–—]\s|—|\s(?:but|however|although|though|so|because|and|or|yet|while|whereas|instead|then|as)\s/gi;
const CONDITION = /^\s*(?:if|unless|in case|when|once|should)\b/i;
const PERSONAL = /\b(?:you|your|yours|we|we've|we'll|we're|our|us|i|i'm|i've|i'll|i'd|me|my)\b/i;
// A benefit tied to a period ("next 3 months free") is addressed to this customer even with no "you" in it.
const PERIOD =
  /\b(?:next|this|coming|following|first|remaining)\s+(?:\d+\s+)?(?:months?|bills?|billing|cycles?|years?|weeks?|invoices?)\b|\bfor (?:a|\d+) (?:months?|years?|weeks?)\b|\b\d+ (?:months?|years?)\b/i;
// Perfect, past and future tenses report or promise an event ("A credit has been applied"); only the present simple
// states a general rule ("Refunds go back to the original payment method").
const EVENT =
  /\b(?:has|have|had|was|were|will|shall|is being|are being|going to|gonna|been|gets|got)\b|'ll\b|'ve\b|'d\b/i;
const IMMEDIATE = /\b(?:immediately|instantly|right away|right now|straight away|straightaway|today|at once)\b/i;
const DUPLICATE = /\b(?:duplicate|twice|double)/i;

function clauses(sentence: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: sentence.length });
  return out;
}

function refused(sentence: string, hit: BenefitHit): boolean {
  const clause = clauses(sentence).find((c) => c.start <= hit.index && hit.index <= c.end)!;
  const before = sentence.slice(clause.start, hit.index);
  if (hit.negativeForm) return CONDITION.test(before); // "If you don't pay, …" is a condition, not a waiver.
  return REFUSAL.test(before);
}

function nearestKind(hits: BenefitHit[], at: number, end: number): BenefitKind {
  const pool = hits.some((h) => !h.generic) ? hits.filter((h) => !h.generic) : hits;
  const distance = (h: BenefitHit) => (h.index >= end ? h.index - end : Math.max(0, at - h.end));
  return [...pool].sort((a, b) => distance(a) - distance(b))[0]!.kind;
}

/**
 * Deny by default: any sentence with a benefit word that is not refused is a commitment, unless it is plainly general
 * ("Refunds take 5–7 business days": no one addressed, no figure). Sentences quoted verbatim from a passage are the
 * operator's own published text and are left to grounding.
 */
export function findCommitments(reply: string, passageTexts: string[] = []): Commitment[] {
  const published = passageTexts.map(flat).join('\n');
  const out: Commitment[] = [];
  for (const { text } of splitSentences(reply)) {
    const hits = benefitHits(text);
    const live = hits.filter((h) => !refused(text, h));
    if (!live.length) continue;
    const figures = [...extractAmounts(text), ...extractPercents(text)];
    if (!figures.length && !PERSONAL.test(text) && !PERIOD.test(text) && !EVENT.test(text)) continue;
    if (flat(text).length > 20 && published.includes(flat(text))) continue;
    // Figures inside a refused clause ("I can't refund the $45, but …") are what is refused, not what is given.
    const refusedClauses = clauses(text).filter(
      (c) =>
        hits.some((h) => h.index >= c.start && h.index < c.end) &&
        !live.some((h) => h.index >= c.start && h.index < c.end),
    );
    const counted = (m: Mention) => !refusedClauses.some((c) => m.index >= c.start && m.index < c.end);
    const percents = extractPercents(text).filter(counted);
    const amounts = extractAmounts(text)
      .filter(counted)
      .filter((a) => !percents.some((p) => a.index >= p.index && a.index < p.index + p.text.length))
      .map((a) => {
        const kind = nearestKind(live, a.index, a.index + a.text.length);
        return { ...a, kind: kind === 'goodwill_credit' && DUPLICATE.test(text) ? 'refund_duplicate_charge' : kind };
      });
    const kinds = [
      ...new Set(
        live.map((h) => (h.kind === 'goodwill_credit' && DUPLICATE.test(text) ? 'refund_duplicate_charge' : h.kind)),
      ),
    ];
    const immediate = kinds.includes('refund_duplicate_charge') && IMMEDIATE.test(text);
    out.push({ sentence: text, kinds, amounts, percents, immediate });
  }
  return out;
}

function flat(text: string): string {
  return text
    .toLowerCase()
    .replace(/["'“”‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
