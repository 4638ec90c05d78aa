/**
 * The offline engine's classify_intent task. No LLM is involved: it reads the structured conversation, ranks
 * intents with the naive Bayes model from intent-classifier.ts, and takes departments and the clarify flag from
 * the taxonomy, so it can never invent a department.
 */
import type { Classification } from '../../../domain/ticket';
import type { Taxonomy, TaxonomyIntent } from '../../../domain/taxonomy';
import type { ClassifyVariables } from '../tasks';
import { cueCounts } from './cues';
import { tokenize, type IntentModel, type RankedIntent } from './intent-classifier';

// A clause only counts as a separate request when the model is fairly sure what it asks for. Filler clauses
// ("how can I get more information?") read as unclear_issue, which never counts. On synthetic two-request
// messages built from held-out examples, 0.7 finds about 70% of second requests and adds one to about 1% of
// single-request messages.
const CLAUSE_MIN_PROBABILITY = 0.7;
const CLAUSE_MIN_WORDS = 2;
// A customer who answered the clarifying question and is still vague should reach a person, not an automatic reply.
const STILL_UNCLEAR_CONFIDENCE = 0.3;
// Even when both requests read clearly, one reply must settle two departments' business and the customer's order
// is only a guess at which matters more, so a two-request ticket is never rated send-worthy on its own.
const TWO_REQUEST_CEILING = 0.8;
// A statistical model is never certain; 1.0 would read as a guarantee in reports and routing logs.
const MAX_CONFIDENCE = 0.999;

const CLAUSE_BREAK = /\s*(?:[,;]|\band\b|\balso\b|\bplus\b)\s*/i;
// Each telco cue (cues.ts) that matches an intent adds this much log-odds to the model's reading of it.
const CUE_WEIGHT = 4;
// Without a cue for the chosen intent the reading rests on the model's word statistics alone: at most review, since
// sending needs confidence above 0.85. When most words are unknown too, the engine does not recognise the message.
const UNSUPPORTED_CAP = 0.85;
const UNRECOGNISED_CAP = 0.45;
const FAMILIAR_COVERAGE = 0.6;
// Cues and the model disagree, or two intents' cues match as strongly: a person should check the reading.
const CONTESTED_CAP = 0.75;

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

  /** The model's ranking moved by the cues, with the top reading's confidence capped where it has little support. */
  const read = (text: string): RankedIntent => {
    const statistical = model.rank(text);
    const cues = cueCounts(text);
    const logits = statistical.map(
      (r) => Math.log(Math.max(r.probability, 1e-12)) + CUE_WEIGHT * (cues.get(r.intent) ?? 0),
    );
    const max = Math.max(...logits);
    const weights = logits.map((l) => Math.exp(l - max));
    const total = weights.reduce((a, b) => a + b, 0);
    const best = weights.indexOf(Math.max(...weights));
    const intent = statistical[best]!.intent;
    let probability = weights[best]! / total;
    const own = cues.get(intent) ?? 0;
    const rival = Math.max(0, ...[...cues].filter(([id]) => id !== intent).map(([, n]) => n));
    if (own === 0) {
      const familiar = cues.size > 0 || model.coverage(text) >= FAMILIAR_COVERAGE;
      probability = Math.min(probability, familiar ? UNSUPPORTED_CAP : UNRECOGNISED_CAP);
    }
    if (intent !== statistical[0]!.intent || (own > 0 && rival >= own))
      probability = Math.min(probability, CONTESTED_CAP);
    return { intent, probability };
  };

  const describe = (text: string, id: string): string => {
    const words = model.evidence(text, id);
    return words.length > 0 ? `${words.map((w) => `"${w}"`).join(', ')} point to ${id}` : `closest match is ${id}`;
  };

  /**
   * Two requests for different departments, or null. The customer's order decides which is primary, except that a
   * high-stakes request always leads, since routing checks the primary intent's stakes.
   */
  const findTwoRequests = (text: string): [ClauseReading, ClauseReading] | null => {
    const readings = text
      .split(/\n+/)
      .flatMap((line) => line.split(CLAUSE_BREAK))
      .filter((clause) => tokenize(clause).length >= CLAUSE_MIN_WORDS)
      .map((clause) => ({ clause, top: read(clause) }))
      .filter(({ top }) => top.probability >= CLAUSE_MIN_PROBABILITY)
      .map((r) => ({ ...r, intent: lookup(r.top.intent) }))
      .filter((r) => !r.intent.clarify);
    const first = readings[0];
    const second = readings.find((r) => first && r.intent.department !== first.intent.department);
    if (!first || !second) return null;
    return second.intent.stakes === 'high' && first.intent.stakes !== 'high' ? [second, first] : [first, second];
  };

  return ({ conversation }) => {
    const messages = conversation.map((m) => m.trim()).filter((m) => m.length > 0);
    if (messages.length === 0) throw new Error('cannot classify an empty conversation');
    // Later messages answer a clarifying question, so they are read together with the original complaint.
    const text = messages.join('\n');
    const answered = messages.length > 1;

    const pair = findTwoRequests(text);
    if (pair) {
      // The joint probability is the chance that both requests were read right.
      const [first, second] = pair;
      const reasons = [describe(first.clause, first.intent.id), describe(second.clause, second.intent.id)];
      return {
        intent: first.intent.id,
        secondaryIntent: second.intent.id,
        department: first.intent.department,
        confidence: round(Math.min(first.top.probability * second.top.probability, TWO_REQUEST_CEILING)),
        reason: clip(`two requests: ${reasons.join('; ')}`),
        needsClarification: false,
      };
    }

    // A vague opening can outweigh a short, specific answer ("the internet is really slow"), so when the whole
    // conversation still reads as vague, the answers are read on their own.
    let source = text;
    let top = read(text);
    if (answered && lookup(top.intent).clarify) {
      const answers = messages.slice(1).join('\n');
      const answerTop = read(answers);
      if (!lookup(answerTop.intent).clarify) [source, top] = [answers, answerTop];
    }
    const primary = lookup(top.intent);
    const stillUnclear = primary.clarify && answered;
    const because = describe(source, primary.id);
    return {
      intent: primary.id,
      secondaryIntent: null,
      department: primary.department,
      confidence: round(stillUnclear ? Math.min(top.probability, STILL_UNCLEAR_CONFIDENCE) : top.probability),
      reason: clip(
        primary.clarify
          ? `too vague to act on (${because})${stillUnclear ? ' even after clarification' : ''}`
          : because,
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
