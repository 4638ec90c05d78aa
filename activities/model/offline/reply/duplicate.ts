import type { Charge } from '../../../../domain/account';
import { confidenceFrom, findQuote } from './evidence';
import { formatDate, formatMoney } from './text';
import type { Composition, ReplyContext } from './types';

/** Two fees of the same amount this close together belong to one billing cycle; monthly fees are 28+ days apart. */
const sameCycleDays = 20;
const dayMs = 86_400_000;

const cents = (amount: number) => Math.round(amount * 100);
const gapDays = (a: string, b: string) => Math.abs(Date.parse(b) - Date.parse(a)) / dayMs;

export interface DuplicatePair {
  original: Charge;
  duplicate: Charge;
}

/** The most recent pair of equal plan fees posted within one cycle; the later one is the duplicate. */
export function findDuplicatePlanCharge(charges: Charge[]): DuplicatePair | undefined {
  const fees = charges
    .filter((c) => c.kind === 'plan' && c.amount > 0)
    .sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.id.localeCompare(b.id));
  let found: DuplicatePair | undefined;
  for (let i = 0; i < fees.length; i++) {
    for (let j = i + 1; j < fees.length; j++) {
      const [a, b] = [fees[i] as Charge, fees[j] as Charge];
      if (cents(a.amount) === cents(b.amount) && gapDays(a.postedOn, b.postedOn) <= sameCycleDays) {
        found = { original: a, duplicate: b };
      }
    }
  }
  return found;
}

function alreadyRefunded(charges: Charge[], pair: DuplicatePair): Charge | undefined {
  return charges.find(
    (c) =>
      (c.kind === 'refund' || c.kind === 'credit') &&
      cents(Math.abs(c.amount)) === cents(pair.duplicate.amount) &&
      c.postedOn >= pair.duplicate.postedOn,
  );
}

export function composeDuplicateCharge({ v, ranked }: ReplyContext): Composition {
  const { account, classification } = v;
  const pair = findDuplicatePlanCharge(account.recentCharges);
  if (!pair) {
    return {
      body: [
        "I'm sorry you've had trouble with your bill. I can't see two matching plan fees in your recent charges.",
        "Could you tell me the date and amount of the charge you think is duplicated? I've also passed this to our billing team to double-check.",
      ],
      closing: null,
      confidence: confidenceFrom(classification.confidence, 0.3, 0.5),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }
  const amount = formatMoney(pair.duplicate.amount);
  const [first, second] = [formatDate(pair.original.postedOn), formatDate(pair.duplicate.postedOn)];
  const fee = pair.duplicate.description.includes(account.plan.name) ? `${account.plan.name} plan fee` : 'plan fee';
  const seen = `I can see your ${fee} of ${amount} was charged on ${first} and again on ${second}, so the second charge is a duplicate.`;

  const refund = alreadyRefunded(account.recentCharges, pair);
  if (refund) {
    return {
      body: [
        seen,
        `A refund of ${formatMoney(Math.abs(refund.amount))} for it was applied on ${formatDate(refund.postedOn)}.`,
      ],
      confidence: confidenceFrom(classification.confidence, 0.9, 0.85),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }

  const rule = v.creditPolicy.find((r) => r.action === 'refund_duplicate_charge');
  const allowed =
    rule !== undefined &&
    account.tenureMonths >= rule.minTenureMonths &&
    (rule.maxAmount === null || pair.duplicate.amount <= rule.maxAmount);
  if (!allowed) {
    return {
      body: [
        "I'm sorry for the inconvenience.",
        seen,
        "I've passed this to our billing team to review and arrange the correction.",
      ],
      confidence: confidenceFrom(classification.confidence, 0.6, 0.6),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }

  const quote = findQuote(ranked, /(duplicate|twice)/i, /business days/i);
  const timeframe = quote && /within\s+[^,.;]*?business days/i.exec(quote.sentence)?.[0];
  const destination =
    quote && /to your original payment method/i.test(quote.sentence) ? ' to your original payment method' : '';
  const policy = timeframe
    ? `Duplicate charges are refunded ${timeframe}${destination}.`
    : 'Our billing team will confirm when the refund will reach you.';
  return {
    body: [
      "I'm sorry for the inconvenience.",
      seen,
      `I've requested a refund of ${amount} for the charge on ${second}.`,
      policy,
    ],
    confidence: timeframe
      ? confidenceFrom(classification.confidence, 1, 0.92)
      : confidenceFrom(classification.confidence, 0.7, 0.75),
    escalationRequired: false,
    cited: timeframe && quote ? [quote.passage.id] : [],
    actions: [{ type: 'refund_duplicate_charge', amount: pair.duplicate.amount, reference: pair.duplicate.id }],
  };
}
