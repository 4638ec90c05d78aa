import type { Passage } from '../../../../domain/account';
import { overlap, splitSentences, terms } from './text';

/** Below this, a passage is treated as not answering the question at all. */
export const minRelevance = 0.35;

export interface RankedPassage {
  passage: Passage;
  relevance: number;
}

export interface Quote {
  passage: Passage;
  sentence: string;
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/**
 * The retriever's score is taken at face value only within [0, 1]; raw full-text ranks are often tiny, so a lexical
 * measure counts too: mostly the share of the customer's content words the passage contains, partly how much of the
 * title the question covers (so "Changing your plan" beats "Refunds when you change or cancel your plan" for "change
 * my plan"). Whichever of the two is stronger wins.
 */
export function rankPassages(passages: Passage[], conversation: string[]): RankedPassage[] {
  const query = terms(conversation.join(' '));
  const titleCoverage = (title: string) => {
    const words = terms(title);
    return words.size === 0 ? 0 : [...words].filter((w) => query.has(w)).length / words.size;
  };
  return passages
    .map((passage) => {
      const lexical = 0.75 * overlap(query, `${passage.title} ${passage.body}`) + 0.25 * titleCoverage(passage.title);
      return { passage, relevance: Math.max(clamp01(passage.score), lexical) };
    })
    .sort((a, b) => b.relevance - a.relevance || b.passage.score - a.passage.score);
}

/**
 * Confidence is a fixed blend of how sure the classifier was and how well the facts support the reply, capped per
 * outcome so that, e.g., a policy question can never clear the auto-send threshold however certain the inputs look.
 */
export function confidenceFrom(classificationConfidence: number, evidence: number, cap: number): number {
  const blended = 0.45 * clamp01(classificationConfidence) + 0.55 * clamp01(evidence);
  return Math.round(Math.min(cap, blended) * 100) / 100;
}

/** The first sentence, across passages in ranked order, that matches every pattern. */
export function findQuote(ranked: RankedPassage[], ...patterns: RegExp[]): Quote | undefined {
  for (const { passage } of ranked) {
    const sentence = splitSentences(passage.body).find((s) => patterns.every((p) => p.test(s)));
    if (sentence) return { passage, sentence };
  }
  return undefined;
}

const firstPersonMoney = /\b(we|I)\b[^.]*\b(refund|credit|waive|discount)/i;
const negation = /\b(not|never|cannot|unable)\b|n't\b/i;

/**
 * "We refund the duplicate charge within 5–7 business days" is policy in an article but a promise in a reply. General
 * answers leave such sentences out; only the handlers that also propose the matching action may say them.
 */
export function readsAsOffer(sentence: string): boolean {
  return firstPersonMoney.test(sentence) && !negation.test(sentence);
}

/**
 * The sentences of one passage that answer the question. Articles lead with their point and then give steps, so the
 * best-matching sentence (earlier ones win close calls) is kept with the sentence after it, and with the one before
 * when that is on topic too; an answer found in the opening sentence takes the two that follow.
 */
export function answerSentences(passage: Passage, conversation: string[], limit = 3): string[] {
  const query = terms(conversation.join(' '));
  const sentences = splitSentences(passage.body).filter((s) => !readsAsOffer(s));
  const hits = sentences.map((s) => [...terms(s)].filter((t) => query.has(t)).length);
  const scores = sentences.map((s, i) => {
    const h = hits[i] ?? 0;
    return h === 0 ? 0 : h + (s.includes('>') ? 1 : 0) - 0.25 * i;
  });
  const best = scores.reduce((top, score, i) => (score > (scores[top] ?? 0) ? i : top), 0);
  if ((hits[best] ?? 0) === 0) return sentences.slice(0, Math.min(2, limit));
  const picked = best > 0 && (hits[best - 1] ?? 0) > 0 ? [best - 1, best, best + 1] : [best, best + 1, best + 2];
  return picked
    .filter((i) => i < sentences.length)
    .slice(0, limit)
    .map((i) => sentences[i] as string);
}

const AUTHORITY =
  '(manager|supervisor|team leader|administrator|admin(?! fee)|CEO|director|employee|staff( member)?|agent|boss|lawyer|solicitor|regulator|ombudsman)';
const GRANTED = "(?<!(never|not|n't|n’t) )(approved|authori[sz]ed|okayed|okay['’]d|signed off|promised|guaranteed)";
const BENEFIT = '(credits?|refunds?|discounts?|waiv\\w*|compensation|free|\\$\\d|\\d+ ?%|this|it\\b)';

const injectionPatterns = [
  /\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(instructions?|rules|prompts?|polic(y|ies)|guidelines)\b/i,
  /\b(system prompt|you are now|act as|developer mode|jailbreak)\b/i,
  /\bnew instructions?\b/i,
  // Claimed authority: somebody's say-so standing in for policy, such as a manager who "approved" a credit. Mentioning
  // a manager, an admin fee or one's own job is not a claim: someone must have granted something a person decides.
  new RegExp(`\\b${AUTHORITY}\\b[^.]{0,40}${GRANTED}[^.]{0,30}${BENEFIT}`, 'i'),
  new RegExp(`${BENEFIT}[^.]{0,30}${GRANTED} by (your|my|the|an?) ([a-z]+ )?${AUTHORITY}\\b`, 'i'),
  /\b(orders?|instructions?) from (your|the) (admin(istrator)?|developers?|management)\b/i,
];

/**
 * Customer text is data. It never changes what the composer offers, but a message that tries to issue instructions or
 * claims somebody's authority goes to a person: the composer escalates it under the draft prompt's confidence cap.
 */
export function looksLikeInstructions(conversation: string[]): boolean {
  return conversation.some((message) => injectionPatterns.some((p) => p.test(message)));
}
