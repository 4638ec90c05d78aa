import { confidenceFrom, findQuote, type Quote } from './evidence';
import { injectionConfidenceCap } from '../../rules/ticket-schemas';
import { quoted, type Composition, type ReplyContext } from './types';

/** Holding replies never explain or promise anything: a person owns these decisions (000: tier 3, human only). */
export const highStakesIntents = new Set([
  'report_fraud',
  'cancel_plan',
  'change_provider',
  'deactivate_phone',
  'financial_settlement',
  'service_suspension',
  'close_account',
]);

function firstQuote(ctx: ReplyContext, ...candidates: RegExp[][]): Quote | undefined {
  for (const patterns of candidates) {
    const quote = findQuote(ctx.ranked, ...patterns);
    if (quote) return quote;
  }
  return undefined;
}

/**
 * Discounts and goodwill credits are decided by a person, never here. The reply explains the policy in the article's
 * words and hands over; it proposes no amount, whatever the customer asked for or told us to do. The draft prompt
 * states the same rule: a request for a credit escalates, with confidence no higher than the injection cap.
 */
export function composeCreditRequest(ctx: ReplyContext, kind: 'discount' | 'goodwill'): Composition {
  const policy =
    kind === 'discount'
      ? firstQuote(ctx, [/percentage discounts?/i], [/published promotions?/i])
      : firstQuote(ctx, [/goodwill credits? (are|is) assessed/i], [/goodwill credit/i]);
  // The follow-up comes from the same article, so two articles' overlapping wording is never stacked up.
  const sameArticle = policy ? [{ passage: policy.passage, relevance: 1 }] : [];
  const detail = findQuote(sameArticle, kind === 'discount' ? /promotion applies/i : /approved credits?/i);
  const handover =
    kind === 'discount'
      ? "I've passed your request to our team so an agent can check whether a published promotion applies to your account."
      : "I've passed your request to our team so an agent can assess it.";
  return {
    body: [
      'Thanks for getting in touch.',
      ...(policy ? [quoted(policy)] : []),
      ...(policy && detail && detail.sentence !== policy.sentence ? [quoted(detail, true)] : []),
      handover,
    ],
    closing: null,
    confidence: confidenceFrom(ctx.v.classification.confidence, policy ? 0.8 : 0.5, injectionConfidenceCap),
    escalationRequired: true,
    cited: [],
    actions: [],
  };
}

/** Goodwill credits and discounts: asked for beside another question, the request still goes to a person. */
export const creditIntents = new Set(['discount_request', 'get_compensation']);

/** The answer to the first question stands; the credit request is handed over without naming an outcome. */
export function handOverCreditRequest(composition: Composition): Composition {
  return {
    ...composition,
    body: [...composition.body, "I've also passed your other request to our team, who will review it with you."],
    confidence: Math.min(composition.confidence, injectionConfidenceCap),
    escalationRequired: true,
  };
}

export function composeHoldingReply(ctx: ReplyContext): Composition {
  const { intent, secondaryIntent } = ctx.v.classification;
  const fraud = intent === 'report_fraud' || secondaryIntent === 'report_fraud';
  const safety = fraud
    ? firstQuote(ctx, [/don't close your account/i], [/never ask you for your password/i])
    : undefined;
  return {
    body: [
      fraud
        ? "Thanks for letting us know. I've passed this straight to our fraud team, who will contact you as a priority."
        : "Thanks for letting us know. I've passed your request to a member of our team, who will confirm the details with you before any changes are made.",
      ...(safety ? [quoted(safety)] : []),
    ],
    closing: null,
    // The prompt's anchor: an escalation is 0.5 or less.
    confidence: confidenceFrom(ctx.v.classification.confidence, 0.5, injectionConfidenceCap),
    escalationRequired: true,
    cited: [],
    actions: [],
  };
}

/** General complaints: acknowledge and hand to a person; there is no article that answers "your service is terrible". */
export function composeComplaint(ctx: ReplyContext): Composition {
  return {
    body: [
      "I'm sorry to hear you've had a poor experience with us.",
      "I've passed your feedback to our customer care team so a member of the team can follow up with you.",
    ],
    closing: null,
    confidence: confidenceFrom(ctx.v.classification.confidence, 0.5, 0.6),
    escalationRequired: false,
    cited: [],
    actions: [],
  };
}
