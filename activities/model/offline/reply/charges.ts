import type { Charge } from '../../../../domain/account';
import { confidenceFrom, findQuote } from './evidence';
import { formatDate, formatMoney, formatQuantity, formatRate } from './text';
import { quoted, type Composition, type ReplyContext } from './types';

/** Roughly one billing cycle back from the newest charge: what a customer means by "my bill". */
const cycleDays = 35;

function latestCycle(charges: Charge[]): Charge[] {
  const newest = charges.reduce((max, c) => (c.postedOn > max ? c.postedOn : max), '');
  if (!newest) return [];
  const cutoff = new Date(Date.parse(newest) - cycleDays * 86_400_000).toISOString().slice(0, 10);
  return charges.filter((c) => c.postedOn > cutoff).sort((a, b) => b.postedOn.localeCompare(a.postedOn));
}

// Bill lines start with a capital ("Data overage, 3 GB at $10/GB"); mid-sentence they read better lower-cased, unless
// the opening words are a name ("Travel Buddy monthly plan fee", "Premium SMS, ...").
const asPhrase = (text: string) => (/^[A-Z][a-z]+ [a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text);
const describe = (c: Charge) => `${formatMoney(c.amount)} on ${formatDate(c.postedOn)} for ${asPhrase(c.description)}`;

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')} and ${items[items.length - 1]}`;
}

function allowance({ v }: ReplyContext): string {
  const { plan } = v.account;
  if (plan.dataGb === null) return `Your ${plan.name} plan includes unlimited data.`;
  return `Your ${plan.name} plan includes ${formatQuantity(plan.dataGb)} GB of data each month, and extra data is charged at ${formatRate(plan.dataOveragePerGb)}/GB.`;
}

/** "Why was I charged for extra data?": names the overage charges and the plan allowance they were measured against. */
export function composeDataOverage(ctx: ReplyContext): Composition {
  const { account, classification } = ctx.v;
  const overages = account.recentCharges
    .filter((c) => c.kind === 'overage' && c.amount > 0)
    .sort((a, b) => b.postedOn.localeCompare(a.postedOn))
    .slice(0, 3);
  const avoid = findQuote(ctx.ranked, /(turn off extra data|avoid overage)/i);
  if (overages.length === 0) {
    return {
      body: ["I can't see any data overage charges on your recent bills.", allowance(ctx)],
      closing: 'Could you tell me which charge you mean, so I can look into it?',
      confidence: confidenceFrom(classification.confidence, 0.4, 0.55),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }
  const seen =
    overages.length === 1
      ? `I can see a data overage charge of ${describe(overages[0] as Charge)}.`
      : `I can see these data overage charges: ${listOf(overages.map(describe))}.`;
  return {
    body: [seen, allowance(ctx), ...(avoid ? [quoted(avoid, true)] : [])],
    confidence: confidenceFrom(classification.confidence, 1, 0.88),
    escalationRequired: false,
    cited: [],
    actions: [],
  };
}

/** "My bill is too high": lists what besides the plan fee was charged this cycle, without judging any of it. */
export function composeBillExplanation(ctx: ReplyContext): Composition {
  const { account, classification } = ctx.v;
  const cycle = latestCycle(account.recentCharges);
  const extras = cycle.filter((c) => c.kind !== 'plan' && c.amount > 0).slice(0, 3);
  if (extras.length === 0) {
    const fee = cycle.find((c) => c.kind === 'plan');
    return {
      body: [
        fee
          ? `I can only see your regular plan fee of ${formatMoney(fee.amount)}, charged on ${formatDate(fee.postedOn)}, on your latest bill.`
          : "I can't see any recent charges on your account.",
        "I've passed your question to our billing team so they can go through your bill with you.",
      ],
      confidence: confidenceFrom(classification.confidence, 0.4, 0.55),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }
  const hasOverage = extras.some((c) => c.kind === 'overage');
  const avoid = hasOverage ? findQuote(ctx.ranked, /(turn off extra data|avoid overage)/i) : undefined;
  return {
    body: [
      `Besides your plan fee, your latest bill includes ${listOf(extras.map(describe))}.`,
      ...(hasOverage ? [allowance(ctx)] : []),
      ...(avoid ? [quoted(avoid, true)] : []),
      extras.length === 1
        ? "If it doesn't look right, let me know and I'll pass it to our billing team."
        : "If any of these don't look right, let me know which one and I'll pass it to our billing team.",
    ],
    // A dispute is about money the customer believes is wrong; a person should see the reply before it goes.
    confidence: confidenceFrom(classification.confidence, 0.8, 0.75),
    escalationRequired: false,
    cited: [],
    actions: [],
  };
}
