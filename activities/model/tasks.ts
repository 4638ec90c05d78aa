import type { AccountContext, Passage } from '../../domain/account';
import type { CreditPolicyRow } from '../../domain/policy';
import type { Classification } from '../../domain/ticket';

/** Structured inputs of each model task: the prompt is rendered from these, and the offline engine reads them. */
export interface ClassifyVariables {
  /** Customer messages, oldest first; later ones answer a clarifying question. */
  conversation: string[];
}

export interface DraftVariables {
  conversation: string[];
  classification: Classification;
  account: AccountContext;
  passages: Passage[];
  creditPolicy: CreditPolicyRow[];
  /** The current date (YYYY-MM-DD) the reply's dates are relative to; today when absent. */
  today?: string;
  /** The ticket's locale, as the customer's channel gave it; absent in callers that predate it. */
  locale?: string;
}
