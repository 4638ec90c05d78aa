import type { Classification, Draft, Finding, Route, StrongModelTrigger, TicketPolicy } from './ticket';

export interface RouteInput {
  classification: Classification;
  stakes: 'normal' | 'high';
  /** null when the model could not produce a usable draft; draftFailure says why. */
  draft: Draft | null;
  draftFailure?: string | null;
  /** Why the draft must go to a person when the code said so, not the model (a language the guardrails cannot read). */
  escalationReason?: string | null;
  findings: Finding[];
  policy: Pick<TicketPolicy, 'sendThreshold' | 'reviewThreshold' | 'sendOffReason'>;
}

export interface RouteDecision {
  route: Exclude<Route, 'clarify'>;
  /** What the model's own answer asked for, before the rules; kept so audits can see what the rules changed. */
  modelRoute: Exclude<Route, 'clarify'>;
  reasons: string[];
}

const severity = { send: 0, review: 1, escalate: 2 } as const;
type Outcome = keyof typeof severity;
const safer = (a: Outcome, b: Outcome): Outcome => (severity[a] >= severity[b] ? a : b);

/** Route by confidence and stakes: above the send threshold send, from the review threshold an agent reviews, below it escalate. */
function byConfidence(confidence: number, policy: RouteInput['policy']): Outcome {
  if (confidence > policy.sendThreshold) return 'send';
  if (confidence >= policy.reviewThreshold) return 'review';
  return 'escalate';
}

/**
 * The model proposes (its confidence and escalation flag); the rules can only move a ticket to a safer route,
 * never a less safe one.
 */
export function decideRoute(input: RouteInput): RouteDecision {
  const { classification, draft, policy } = input;
  if (!draft) {
    const why = input.draftFailure ?? 'model output invalid after one repair';
    return { route: 'escalate', modelRoute: 'escalate', reasons: [`no usable draft: ${why}`] };
  }
  const confidence = Math.min(classification.confidence, draft.confidence);
  const modelRoute = draft.escalationRequired ? 'escalate' : byConfidence(confidence, policy);
  const reasons = [`confidence ${confidence.toFixed(2)} -> ${byConfidence(confidence, policy)}`];
  if (policy.sendOffReason && byConfidence(confidence, policy) === 'review')
    reasons.push(`automatic sending is off: ${policy.sendOffReason}`);
  if (draft.escalationRequired) reasons.push(input.escalationReason ?? 'model asked for escalation');

  let route: Outcome = modelRoute;
  if (input.stakes === 'high') {
    route = safer(route, 'escalate');
    reasons.push(`high-stakes intent ${classification.intent} always goes to a human`);
  }
  const errors = input.findings.filter((finding) => finding.severity === 'error');
  if (errors.length) {
    route = safer(route, 'review');
    reasons.push(`guardrails failed: ${[...new Set(errors.map((finding) => finding.code))].join(', ')}`);
  }
  if (classification.secondaryIntent) {
    route = safer(route, 'review');
    reasons.push(`second request (${classification.secondaryIntent}) needs an agent to confirm both are answered`);
  }
  return { route, modelRoute, reasons };
}

/** Why the draft should be asked again of the strong model, per the triggers the operator enabled. */
export function strongModelReasons(
  policy: { strongModelOn: StrongModelTrigger[]; strongModelBelow: number },
  stakes: 'normal' | 'high',
  draft: Draft,
  findings: Finding[],
): StrongModelTrigger[] {
  const fired: Record<StrongModelTrigger, boolean> = {
    low_confidence: draft.confidence < policy.strongModelBelow,
    high_stakes: stakes === 'high',
    guardrail_failed: findings.some((finding) => finding.severity === 'error'),
  };
  return policy.strongModelOn.filter((trigger) => fired[trigger]);
}
