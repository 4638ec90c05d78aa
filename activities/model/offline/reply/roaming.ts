import type { AccountContext, Charge } from '../../../../domain/account';
import { confidenceFrom, findQuote } from './evidence';
import { formatDate, formatMoney, formatQuantity, formatRate } from './text';
import { quoted, type Composition, type ReplyContext } from './types';

/** The roaming charge the customer means: one in a country they name, else the most recent. */
function chargeInQuestion(charges: Charge[], conversation: string[]): Charge | undefined {
  const roaming = charges.filter((c) => c.kind === 'roaming').sort((a, b) => b.postedOn.localeCompare(a.postedOn));
  const text = conversation.join(' ').toLowerCase();
  return roaming.find((c) => c.country !== null && text.includes(c.country.toLowerCase())) ?? roaming[0];
}

/**
 * Re-derives the charge from the plan's allowance and rate. The breakdown is only stated when it reproduces the
 * billed amount to the cent; otherwise the composer would be asserting arithmetic the bill does not support.
 */
function breakdown(plan: AccountContext['plan'], charge: Charge): string | undefined {
  if (charge.usageMb === null || charge.country === null) return undefined;
  const included = plan.includedCountries.includes(charge.country) ? plan.roamingMb : 0;
  const billedMb = charge.usageMb - included;
  if (billedMb <= 0 || Math.abs(billedMb * plan.roamingOveragePerMb - charge.amount) >= 0.005) return undefined;
  const priced = `charged at ${formatRate(plan.roamingOveragePerMb)}/MB = ${formatMoney(charge.amount)}`;
  if (included > 0) {
    return (
      `Your ${plan.name} plan includes ${formatQuantity(included)} MB of roaming data each month in ${charge.country}. ` +
      `You used ${formatQuantity(charge.usageMb)} MB, so ${formatQuantity(billedMb)} MB was ${priced}.`
    );
  }
  const scope =
    plan.roamingMb > 0
      ? `${charge.country} isn't one of the countries included in your ${plan.name} plan's roaming`
      : `Your ${plan.name} plan doesn't include roaming data`;
  return `${scope}, so the ${formatQuantity(charge.usageMb)} MB you used there was ${priced}.`;
}

export function composeRoamingCharge({ v, ranked }: ReplyContext): Composition {
  const { account, classification } = v;
  const charge = chargeInQuestion(account.recentCharges, v.conversation);
  if (!charge) {
    const howToCheck = findQuote(ranked, /roaming/i, />/);
    return {
      body: [
        "I can't see any roaming charges on your recent bills.",
        ...(howToCheck ? [quoted(howToCheck, true)] : []),
      ],
      closing: 'Could you tell me the date or amount of the charge you mean?',
      confidence: confidenceFrom(classification.confidence, 0.3, 0.5),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }
  const where = charge.country ? ` for data used in ${charge.country}` : '';
  const seen = `I can see a roaming charge of ${formatMoney(charge.amount)} on ${formatDate(charge.postedOn)}${where}.`;
  const explained = breakdown(account.plan, charge);
  if (!explained) {
    return {
      body: [
        seen,
        `The bill describes it as "${charge.description}".`,
        "I've asked our billing team to check it against your plan's roaming allowance and rate.",
      ],
      confidence: confidenceFrom(classification.confidence, 0.5, 0.65),
      escalationRequired: false,
      cited: [],
      actions: [],
    };
  }
  const addOn = findQuote(ranked, /Unlimited Roaming/, /\$\d/) ?? findQuote(ranked, /Unlimited Roaming/);
  const checkUsage = findQuote(ranked, /Usage > Roaming/);
  return {
    body: [
      seen,
      explained,
      'This charge is correct under your plan terms.',
      ...(checkUsage ? [quoted(checkUsage, true)] : []),
      ...(addOn ? [quoted(addOn)] : []),
    ],
    closing: addOn ? 'Would you like help adding it?' : undefined,
    confidence: confidenceFrom(classification.confidence, 1, addOn ? 0.9 : 0.85),
    escalationRequired: false,
    cited: [],
    actions: [],
  };
}
