import type { AccountContext } from '../../domain/account';
import type { CreditPolicyRow } from '../../domain/policy';
import type { Finding, ProposedAction } from '../../domain/ticket';
import type { GuardrailInput } from './index';
import {
  extractAmounts,
  extractPercents,
  parseIsoDate,
  quote,
  sameAmount,
  splitSentences,
  type Mention,
} from './extract';

type OfferType = Exclude<ProposedAction['type'], 'none'>;

/** A credit-like commitment, either proposed as an action or promised in the reply's words. */
interface Offer {
  type: OfferType;
  amount?: number;
  percent?: number;
  label: string;
}

const money = (n: number) => `$${n.toFixed(2)}`;
const error = (code: string, detail: string): Finding => ({ code, severity: 'error', detail });

/** Two same-kind charges of one amount within a billing period; monthly plan fees a month apart are not duplicates. */
export function duplicatedAmounts(account: AccountContext): number[] {
  const charges = account.recentCharges.filter((c) => c.amount > 0 && c.kind !== 'credit' && c.kind !== 'refund');
  const day = (iso: string) => {
    const d = parseIsoDate(iso);
    return d ? Date.UTC(d.year!, d.month - 1, d.day) / 86_400_000 : NaN;
  };
  const refunded = account.recentCharges.filter((c) => c.kind === 'refund').map((c) => Math.abs(c.amount));
  const dupes = charges.filter((a, i) =>
    charges.some(
      (b, j) =>
        i !== j &&
        a.kind === b.kind &&
        sameAmount(a.amount, b.amount) &&
        Math.abs(day(a.postedOn) - day(b.postedOn)) < 25,
    ),
  );
  return [...new Set(dupes.map((c) => c.amount))].filter((amount) => !refunded.some((r) => sameAmount(r, amount)));
}

/** Judged only against credit_policy rows and the account snapshot, never against what the model or customer claims. */
function evaluate(offer: Offer, fromReply: boolean, { account, creditPolicy }: GuardrailInput): Finding[] {
  const row: CreditPolicyRow | undefined = creditPolicy.find((r) => r.action === offer.type);
  const what = offer.label;
  if (!row) return [error('action_not_in_policy', `${what}: credit policy has no "${offer.type}" rule`)];
  if (account.tenureMonths < row.minTenureMonths) {
    const detail = `${what}: "${offer.type}" needs ${row.minTenureMonths} months' tenure; this account has ${account.tenureMonths}`;
    return [error('action_not_in_policy', detail)];
  }
  // The reply's words may leave the value implicit; the proposed action must carry it for the dispatcher.
  const missing = (field: string) =>
    fromReply ? [] : [error('action_not_in_policy', `${what}: no ${field}, so it cannot be checked against policy`)];
  const { amount } = offer;
  switch (offer.type) {
    case 'refund_duplicate_charge': {
      const dupes = duplicatedAmounts(account);
      if (amount === undefined)
        return dupes.length ? missing('amount') : [error('refund_not_in_policy', `${what}: no charge appears twice`)];
      if (!dupes.some((d) => sameAmount(d, amount)))
        return [
          error('refund_not_in_policy', `${what}: ${money(amount)} is not a charge that appears twice unrefunded`),
        ];
      return row.maxAmount !== null && amount > row.maxAmount
        ? [error('credit_exceeds_policy', `${what}: above the ${money(row.maxAmount)} refund limit`)]
        : [];
    }
    case 'goodwill_credit':
    case 'waive_fee': {
      if (amount === undefined) return missing('amount');
      // No cap in the policy row means none was approved, not an unlimited credit.
      if (row.maxAmount === null) return [error('action_not_in_policy', `${what}: policy sets no maximum amount`)];
      return amount > row.maxAmount
        ? [error('credit_exceeds_policy', `${what}: above the ${money(row.maxAmount)} limit for ${offer.type}`)]
        : [];
    }
    case 'discount': {
      const price = account.plan.monthlyPrice;
      const percent = offer.percent ?? (amount !== undefined && price > 0 ? (amount / price) * 100 : undefined);
      if (percent === undefined) return missing('percent');
      if (row.maxPercent === null) return [error('action_not_in_policy', `${what}: policy sets no maximum percent`)];
      return percent > row.maxPercent + 1e-9
        ? [error('credit_exceeds_policy', `${what}: above the ${row.maxPercent}% discount limit`)]
        : [];
    }
    case 'plan_change':
      return [];
  }
}

const KEYWORDS: Array<[OfferType, RegExp]> = [
  ['refund_duplicate_charge', /\brefund(?:s|ed|ing)?\b|\breimburs\w*/i],
  ['waive_fee', /\bwaiv(?:e|ed|es|ing|er)\b/i],
  ['discount', /\bdiscount(?:s|ed)?\b|(?:%|\bpercent|\bper cent|\d)\s+off\b|\bhalf[-\s](?:price|off)\b/i],
  ['goodwill_credit', /\bcredit(?:s|ed|ing)?\b(?!\s+card)/i],
];
const COMMITMENT =
  /\b(?:i|we)(?:'ve|'ll|'m|'re|'d)?\b|\blet me\b|\byou(?:'ll| will) (?:receive|get|see)\b|\b(?:has|have) been (?:credited|refunded|applied|waived|processed)\b/i;
// Looked for only just before the keyword, so "No problem, I've credited $20" is still an offer.
const NEGATION = /(?:\b(?:not|never|cannot|unable)\b|n't\b)[^,]{0,40}$/i;
const IMMEDIATE = /\b(?:immediately|instantly|right away|right now|straight away|straightaway|today|at once)\b/i;

function nearest(mentions: Mention[], at: number, end: number): number | undefined {
  const distance = (m: Mention) => (m.index >= end ? m.index - end : Math.max(0, at - (m.index + m.text.length)) + 0.5);
  return [...mentions].sort((a, b) => distance(a) - distance(b))[0]?.value;
}

/** Clauses split at "but"/";" so "I can't discount it, but I've credited $10" still yields the credit. */
function replyOffers(reply: string): Array<Offer & { immediate: boolean }> {
  const offers: Array<Offer & { immediate: boolean }> = [];
  const clauses = splitSentences(reply.replace(/’/g, "'")).flatMap((s) =>
    s.text.split(/;|,?\s+\b(?:but|however|although)\b/i),
  );
  for (const clause of clauses) {
    if (!COMMITMENT.test(clause)) continue;
    const hit = KEYWORDS.map(([type, re]) => ({ type, m: re.exec(clause) })).find(
      (k) => k.m && !NEGATION.test(clause.slice(0, k.m.index)),
    );
    if (!hit?.m) continue;
    const at = hit.m.index;
    const end = at + hit.m[0].length;
    const type =
      hit.type === 'goodwill_credit' && /\b(?:duplicate|twice|double)/i.test(clause)
        ? 'refund_duplicate_charge'
        : hit.type;
    const percent = type === 'discount' ? nearest(extractPercents(clause), at, end) : undefined;
    const amount = percent === undefined ? nearest(extractAmounts(clause), at, end) : undefined;
    const label = `the reply's offer ${quote(clause)}`;
    offers.push({
      type,
      label,
      immediate: type === 'refund_duplicate_charge' && IMMEDIATE.test(clause),
      ...(amount === undefined ? {} : { amount }),
      ...(percent === undefined ? {} : { percent }),
    });
  }
  return offers;
}

const MONEY_TYPES: OfferType[] = ['refund_duplicate_charge', 'goodwill_credit', 'waive_fee'];

function covers(action: ProposedAction, offer: Offer): boolean {
  if (action.type === 'none') return false;
  if (offer.percent !== undefined) return action.type === offer.type && action.percent === offer.percent;
  if (offer.amount === undefined) return action.type === offer.type;
  const family = MONEY_TYPES.includes(action.type) && MONEY_TYPES.includes(offer.type);
  return (
    (action.type === offer.type || family) && action.amount !== undefined && sameAmount(action.amount, offer.amount)
  );
}

function describe(a: ProposedAction): string {
  const value = a.amount !== undefined ? ` ${money(a.amount)}` : a.percent !== undefined ? ` ${a.percent}%` : '';
  return `proposed action "${a.type}${value}"`;
}

export function checkCreditPolicy(input: GuardrailInput): Finding[] {
  const findings: Finding[] = [];
  for (const action of input.proposedActions) {
    if (action.type === 'none') continue;
    const { type, amount, percent } = action;
    findings.push(...evaluate({ type, amount, percent, label: describe(action) }, false, input));
  }
  for (const offer of replyOffers(input.reply)) {
    if (offer.immediate) {
      findings.push(
        error('refund_not_in_policy', `${offer.label}: promises an immediate refund; refunds follow policy timing`),
      );
      continue;
    }
    if (input.proposedActions.some((a) => covers(a, offer))) continue;
    const problems = evaluate(offer, true, input);
    findings.push(
      ...(problems.length
        ? problems
        : [error('offer_not_proposed', `${offer.label}: no proposed action carries it, so it would not be applied`)]),
    );
  }
  return findings;
}
