/**
 * What code adds to the model's classification before the workflow sees it: the taxonomy's department, stakes that
 * the customer's own words can raise (never lower), and a clarifying question for a message too vague to act on.
 * Shared by the classifyIntent activity and the evaluation runner, so both route the same ticket the same way.
 */
import type { TaxonomyIntent } from '../../domain/taxonomy';
import type { Classification } from '../../domain/ticket';
import { foldForRules, raiseStakes, stakesFromMessages, type StakesCategory } from '../../domain/stakes-rules';

// Words that say something is wrong without saying what: a message made only of these gets one question first.
const VAGUE_WORDS = new Set(
  (
    'hi hey hello hiya g day gday there team guys folks morning afternoon evening yo ' +
    'problem problems issue issues trouble troubles fault help helps please pls plz thanks thank you cheers urgent ' +
    'asap my the a an with it its this that is are was has have having got been i im ive me can could someone ' +
    'anyone somebody need needs want some something somethings anything stuff thing things not isnt doesnt dont ' +
    'wont cant aint no working work works worked broken broke wrong right fine again still stopped stop ' +
    'service services account phone up down going on of in for to and or but just all at really very ' +
    'what whats wtf ugh mate sort fix fixed out keeps keep'
  ).split(/\s+/),
);
const VAGUE_MAX_WORDS = 12;

/** True when the message names no product, feature or request beyond "something is wrong". */
export function isVague(message: string): boolean {
  const words = foldForRules(message).match(/[a-z0-9]+/g) ?? [];
  return words.length <= VAGUE_MAX_WORDS && words.every((word) => VAGUE_WORDS.has(word));
}

export interface SettledClassification {
  classification: Classification;
  stakes: 'normal' | 'high';
  /** The stakes rules the customer's words matched; empty when only the intent (or nothing) made it high. */
  stakesRaisedBy: StakesCategory[];
  clarify: boolean;
}

/**
 * `vagueIntent` is the taxonomy's clarify intent. A message of nothing but "something is wrong" words is read as
 * that intent whatever the model chose: the model may call a bare "not working" an outage, or a closure, at high
 * confidence, and one question costs less than a wrong answer or a needless escalation. The question commits to
 * nothing, and the answer is classified (and its stakes read) again with the whole conversation.
 */
export function settleClassification(
  model: Classification,
  chosen: TaxonomyIntent,
  conversation: readonly string[],
  vagueIntent?: TaxonomyIntent,
): SettledClassification {
  const first = conversation.length === 1;
  const vague = first && vagueIntent !== undefined && isVague(conversation[0]!);
  const intent = vague ? vagueIntent : chosen;
  const reading = stakesFromMessages(conversation);
  const stakes = raiseStakes(intent.stakes, reading);
  const clarify = (model.needsClarification || vague) && first;
  const raised = reading.categories.length
    ? `; the message itself raises stakes: ${reading.categories.join(', ')}`
    : '';
  const reason = `${model.reason}${raised}`;
  return {
    classification: {
      ...model,
      intent: intent.id,
      department: intent.department,
      needsClarification: clarify,
      reason: reason.length <= 500 ? reason : `${reason.slice(0, 497)}...`,
    },
    stakes,
    stakesRaisedBy: reading.categories,
    clarify,
  };
}
