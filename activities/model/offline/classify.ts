/**
 * The offline engine's classify_intent task. No LLM is involved: it reads the structured conversation, ranks
 * intents with the naive Bayes model from intent-classifier.ts, and takes departments and the clarify flag from
 * the taxonomy, so it can never invent a department.
 */
import type { Classification } from '../../../domain/ticket';
import type { Taxonomy, TaxonomyIntent } from '../../../domain/taxonomy';
import type { ClassifyVariables } from '../tasks';
import { tokenize, type IntentModel, type RankedIntent } from './intent-classifier';

// A clause only counts as a separate request when the model is fairly sure what it asks for.
const CLAUSE_MIN_PROBABILITY = Number(process.env.CMIN ?? 0.6);
// ...and the whole message still gives that intent some weight; otherwise the clause is detail of the main request
// ("charged twice and I want a refund" is one duplicate_charge request, not a compensation claim as well).
const WHOLE_MIN_PROBABILITY = Number(process.env.WMIN ?? 0.05);
const CLAUSE_MIN_WORDS = 2;
// A customer who answered the clarifying question and is still vague should reach a person, not an automatic reply.
const STILL_UNCLEAR_CONFIDENCE = 0.3;
// Even when both requests read clearly, one reply must settle two departments' business and the customer's order
// is only a guess at which matters more, so a two-request ticket is never rated send-worthy on its own.
const TWO_REQUEST_CEILING = 0.8;
// A statistical model is never certain; 1.0 would read as a guarantee in reports and routing logs.
const MAX_CONFIDENCE = 0.999;

const CLAUSE_BREAK = /\s*(?:[,;]|\band\b|\balso\b|\bplus\b)\s*/i;

interface ClauseReading {
  clause: string;
  top: RankedIntent;
  intent: TaxonomyIntent;
}

export function createOfflineClassifier(
  taxonomy: Taxonomy,
  model: IntentModel,
): (v: ClassifyVariables) => Classification {
  const intents = new Map(taxonomy.intents.map((i) => [i.id, i]));
  const unknown = model.labels.filter((l) => !intents.has(l));
  if (unknown.length > 0) {
    throw new Error(`training labels missing from taxonomy ${taxonomy.version}: ${unknown.join(', ')}`);
  }
  const lookup = (id: string): TaxonomyIntent => intents.get(id)!;

  const describe = (text: string, id: string): string => {
    const words = model.evidence(text, id);
    return words.length > 0 ? `${words.map((w) => `"${w}"`).join(', ')} point to ${id}` : `closest match is ${id}`;
  };

  /** Two requests for different departments, in the order the customer raised them, or null. */
  const findTwoRequests = (text: string, whole: RankedIntent[]): [ClauseReading, ClauseReading] | null => {
    const wholeProbability = new Map(whole.map((r) => [r.intent, r.probability]));
    const readings = text
      .split(/\n+/)
      .flatMap((line) => line.split(CLAUSE_BREAK))
      .filter((clause) => tokenize(clause).length >= CLAUSE_MIN_WORDS)
      .map((clause) => ({ clause, top: model.rank(clause)[0]! }))
      .filter(({ top }) => top.probability >= CLAUSE_MIN_PROBABILITY)
      .filter(({ top }) => (wholeProbability.get(top.intent) ?? 0) >= WHOLE_MIN_PROBABILITY)
      .map((r) => ({ ...r, intent: lookup(r.top.intent) }))
      .filter((r) => !r.intent.clarify);
    const first = readings[0];
    const second = readings.find((r) => first && r.intent.department !== first.intent.department);
    return first && second ? [first, second] : null;
  };

  return ({ conversation }) => {
    const messages = conversation.map((m) => m.trim()).filter((m) => m.length > 0);
    if (messages.length === 0) throw new Error('cannot classify an empty conversation');
    // Later messages answer a clarifying question, so they are read together with the original complaint.
    const text = messages.join('\n');
    const whole = model.rank(text);
    const top = whole[0]!;
    const answered = messages.length > 1;

    const pair = findTwoRequests(text, whole);
    if (pair) {
      // The customer's order decides which request is primary; the joint probability is the chance both are right.
      const [first, second] = pair;
      return {
        intent: first.intent.id,
        secondaryIntent: second.intent.id,
        department: first.intent.department,
        confidence: round(Math.min(first.top.probability * second.top.probability, TWO_REQUEST_CEILING)),
        reason: clip(`two requests: ${describe(first.clause, first.intent.id)}; ${describe(second.clause, second.intent.id)}`),
        needsClarification: false,
      };
    }

    const primary = lookup(top.intent);
    const stillUnclear = primary.clarify && answered;
    return {
      intent: primary.id,
      secondaryIntent: null,
      department: primary.department,
      confidence: round(stillUnclear ? Math.min(top.probability, STILL_UNCLEAR_CONFIDENCE) : top.probability),
      reason: clip(
        primary.clarify
          ? `too vague to act on (${describe(text, primary.id)})${stillUnclear ? ' even after clarification' : ''}`
          : describe(text, primary.id),
      ),
      needsClarification: primary.clarify && !answered,
    };
  };
}

function round(p: number): number {
  return Math.min(MAX_CONFIDENCE, Math.round(p * 1000) / 1000);
}

function clip(reason: string): string {
  return reason.length <= 500 ? reason : `${reason.slice(0, 497)}...`;
}
