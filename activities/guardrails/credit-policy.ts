import type { AccountContext } from '../../domain/account';
import type { CreditPolicyRow } from '../../domain/policy';
import type { Finding, ProposedAction } from '../../domain/ticket';
import type { GuardrailInput } from './index';
import type { BenefitKind } from './benefits';
import { canonicalise } from './canonical';
import { findCommitments, type Commitment } from './commitments';
import { parseIsoDate, quote, sameAmount } from './extract';

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

const MONEY_TYPES: OfferType[] = ['refund_duplicate_charge', 'goodwill_credit', 'waive_fee'];
const asOfferType = (kind: BenefitKind): OfferType => (kind === 'free_service' ? 'discount' : kind);

/** Money already credited or refunded on the account: saying so states a fact, it promises nothing new. */
const recorded = (account: AccountContext) =>
  account.recentCharges.filter((c) => c.kind === 'credit' || c.kind === 'refund').map((c) => Math.abs(c.amount));

/** An amount is covered only by a proposed action carrying exactly that amount (or a discount worth exactly it). */
function amountCovered(value: number, { proposedActions, account }: GuardrailInput): boolean {
  if (recorded(account).some((r) => sameAmount(r, value))) return true;
  const price = account.plan.monthlyPrice;
  return proposedActions.some(
    (a) =>
      a.type !== 'none' &&
      ((a.amount !== undefined && sameAmount(a.amount, value)) ||
        (a.type === 'discount' && a.percent !== undefined && sameAmount((a.percent / 100) * price, value))),
  );
}

function percentCovered(value: number, { proposedActions }: GuardrailInput): boolean {
  return proposedActions.some(
    (a) => a.type === 'discount' && a.percent !== undefined && Math.abs(a.percent - value) < 1e-9,
  );
}

/** With no figure, the kind of benefit must be one a proposed action carries; free service never is. */
function kindCovered(kind: BenefitKind, { proposedActions }: GuardrailInput): boolean {
  if (kind === 'free_service') return proposedActions.some((a) => a.type === 'discount' && a.percent === 100);
  const family = MONEY_TYPES.includes(kind) ? MONEY_TYPES : [kind];
  return proposedActions.some((a) => a.type !== 'none' && family.includes(a.type));
}

/** Each uncovered figure or kind, judged against the policy table for the most specific reason it fails. */
function uncovered(c: Commitment, input: GuardrailInput): Finding[] {
  const label = `the reply's offer ${quote(c.sentence)}`;
  const judge = (offer: Offer): Finding[] => {
    const problems = evaluate(offer, true, input);
    return problems.length
      ? problems
      : [error('offer_not_proposed', `${offer.label}: no proposed action carries it, so it would not be applied`)];
  };
  const findings: Finding[] = [];
  for (const p of c.percents) {
    if (!percentCovered(p.value, input)) findings.push(...judge({ type: 'discount', percent: p.value, label }));
  }
  for (const a of c.amounts) {
    if (!amountCovered(a.value, input)) findings.push(...judge({ type: asOfferType(a.kind), amount: a.value, label }));
  }
  if (!c.amounts.length && !c.percents.length) {
    for (const kind of c.kinds) {
      if (kindCovered(kind, input)) continue;
      findings.push(
        ...(kind === 'free_service'
          ? [error('action_not_in_policy', `${label}: free service is not an action the credit policy allows`)]
          : judge({ type: kind, label })),
      );
    }
  }
  return findings;
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
  const reply = canonicalise(input.reply);
  const passages = input.passages.map((p) => canonicalise(`${p.title}\n${p.body}`));
  for (const c of findCommitments(reply, passages)) {
    if (c.immediate) {
      const detail = `the reply's offer ${quote(c.sentence)}: promises an immediate refund; refunds follow policy timing`;
      findings.push(error('refund_not_in_policy', detail));
      continue;
    }
    findings.push(...uncovered(c, input));
  }
  return findings;
}
