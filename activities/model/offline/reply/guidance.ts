import { answerSentences, confidenceFrom, minRelevance } from './evidence';
import type { Composition, Part, ReplyContext } from './types';

/** How-to questions: the best passage's own sentences, so every step and figure is the article's, not ours. */
export function composeFromPassage({ v, ranked }: ReplyContext): Composition {
  const best = ranked[0];
  if (!best || best.relevance < minRelevance) return composeNoAnswer({ v, ranked });
  const [lead, ...rest] = answerSentences(best.passage, v.conversation);
  const body: Part[] = [
    { text: lead ?? best.passage.body, cite: best.passage.id },
    ...rest.map((text) => ({ text, cite: best.passage.id, optional: true })),
  ];
  return {
    body,
    confidence: confidenceFrom(v.classification.confidence, best.relevance, 0.9),
    escalationRequired: false,
    cited: [],
    actions: [],
  };
}

/** RAG's rule from 001: when the context does not answer the question, say so instead of guessing. */
export function composeNoAnswer({ v }: ReplyContext): Composition {
  return {
    body: [
      "Thanks for your message. I don't have that information, so I've passed your question to a member of our team who can help.",
    ],
    closing: null,
    confidence: confidenceFrom(v.classification.confidence, 0, 0.3),
    escalationRequired: true,
    cited: [],
    actions: [],
  };
}

/** Vague reports ("my account isn't working") get one question rather than a confident guess. */
export function composeClarifyingQuestion({ v }: ReplyContext): Composition {
  return {
    body: [
      "I'd like to help, but I need a little more detail first.",
      'Are you unable to log in to My Account, or are calls, texts or mobile data not working? Any error message you saw would help too.',
    ],
    closing: null,
    confidence: confidenceFrom(v.classification.confidence, 0.3, 0.45),
    escalationRequired: false,
    cited: [],
    actions: [],
  };
}

export function composeAgentHandover({ v }: ReplyContext): Composition {
  return {
    body: [
      "No problem. I've asked a member of our team to pick up your conversation and they'll be with you as soon as they can.",
    ],
    closing: null,
    confidence: confidenceFrom(v.classification.confidence, 0.5, 0.6),
    escalationRequired: true,
    cited: [],
    actions: [],
  };
}
