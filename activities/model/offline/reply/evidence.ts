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
 * The retriever's score is taken at face value only within [0, 1]; raw full-text ranks are often tiny, so the share
 * of the customer's content words the passage contains counts too. Whichever is stronger wins.
 */
export function rankPassages(passages: Passage[], conversation: string[]): RankedPassage[] {
  const query = terms(conversation.join(' '));
  return passages
    .map((passage) => ({
      passage,
      relevance: Math.max(clamp01(passage.score), overlap(query, `${passage.title} ${passage.body}`)),
    }))
    .sort((a, b) => b.relevance - a.relevance);
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

/**
 * The sentences of one passage that answer the question: the best-matching sentence, the one before it when that
 * one is on topic too (articles often introduce a step before giving it), and the one after (usually the detail).
 */
export function answerSentences(passage: Passage, conversation: string[], limit = 3): string[] {
  const query = terms(conversation.join(' '));
  const sentences = splitSentences(passage.body);
  const scores = sentences.map((s) => {
    const hits = [...terms(s)].filter((t) => query.has(t)).length;
    return hits + (hits > 0 && s.includes('>') ? 0.5 : 0);
  });
  const best = scores.reduce((top, score, i) => (score > (scores[top] ?? 0) ? i : top), 0);
  if ((scores[best] ?? 0) === 0) return sentences.slice(0, Math.min(2, limit));
  const picked = new Set<number>([best]);
  if (best > 0 && (scores[best - 1] ?? 0) > 0) picked.add(best - 1);
  if (best + 1 < sentences.length) picked.add(best + 1);
  return [...picked]
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((i) => sentences[i] as string);
}

const injectionPatterns = [
  /\b(ignore|disregard|forget|override)\b[^.]{0,40}\b(instructions?|rules|prompts?|polic(y|ies)|guidelines)\b/i,
  /\b(system prompt|you are now|act as|developer mode|jailbreak)\b/i,
  /\bnew instructions?\b/i,
];

/**
 * Customer text is data. It never changes what the composer offers, but a message that tries to issue instructions is
 * worth a human's look, so callers cap confidence below the auto-send threshold when this is true.
 */
export function looksLikeInstructions(conversation: string[]): boolean {
  return conversation.some((message) => injectionPatterns.some((p) => p.test(message)));
}
