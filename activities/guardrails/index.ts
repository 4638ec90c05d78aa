import type { AccountContext, Passage } from '../../domain/account';
import type { CreditPolicyRow } from '../../domain/policy';
import type { Finding, ProposedAction } from '../../domain/ticket';
import { checkCreditPolicy } from './credit-policy';
import { checkGrounding } from './grounding';
import { checkLength } from './length';
import { checkPrivacy } from './privacy';
import { checkRelevance } from './relevance';
import { checkTone } from './tone';

/**
 * Everything a reply may be judged against. `creditPolicy` comes from the credit_policy table and `account` from the
 * ticket's snapshot; `conversation` is the customer's own messages, trusted only as the source of their own contact
 * details and of plan names they asked about, never for facts or policy.
 */
export interface GuardrailInput {
  reply: string;
  proposedActions: ProposedAction[];
  account: AccountContext;
  passages: Passage[];
  creditPolicy: CreditPolicyRow[];
  conversation: string[];
}

const CHECKS: Array<(input: GuardrailInput) => Finding[]> = [
  checkGrounding,
  checkCreditPolicy,
  checkPrivacy,
  checkLength,
  checkTone,
  checkRelevance,
];

/** Pure and deterministic, so the validateReply activity can be retried or replayed with the same verdict. */
export function checkReply(input: GuardrailInput): Finding[] {
  const seen = new Set<string>();
  return CHECKS.flatMap((check) => check(input)).filter((f) => {
    const key = `${f.code}\u0000${f.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isReplyValid(findings: Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}
