import { addDays, addMonths } from './calendar';
import type { SeedPlan } from './catalogue';
import type { ChargeRow } from './types';

/** Charges cover the 90 days up to and including the reference date. */
export const historyDays = 90;

export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** "$0.09", "$0.20", "$10": the way rates are printed on bills and in the knowledge base. */
export function formatRate(amount: number): string {
  return Number.isInteger(amount) ? `$${amount}` : `$${amount.toFixed(2)}`;
}

export function historyStart(referenceDate: string): string {
  return addDays(referenceDate, -(historyDays - 1));
}

/** Billing dates inside the history window, newest first, walking back a month at a time from `latest`. */
export function billingDates(latest: string, referenceDate: string, openedOn: string, closedOn?: string): string[] {
  const start = historyStart(referenceDate);
  const dates: string[] = [];
  for (let monthsBack = 0; monthsBack < 4; monthsBack++) {
    const date = addMonths(latest, -monthsBack);
    if (date < start) break;
    if (date >= openedOn && date <= referenceDate && (!closedOn || date <= closedOn)) dates.push(date);
  }
  return dates;
}

export function planFee(accountId: string, plan: SeedPlan, postedOn: string): ChargeRow {
  return {
    accountId,
    postedOn,
    amount: plan.monthlyPrice,
    kind: 'plan',
    description: `${plan.name} monthly plan fee`,
    country: null,
    usageMb: null,
  };
}

/** Included roaming is deducted first; nothing is billed when usage stays within the allowance. */
export function roamingCharge(
  accountId: string,
  plan: SeedPlan,
  country: string,
  usageMb: number,
  postedOn: string,
): ChargeRow | null {
  const included = plan.includedCountries.includes(country) ? plan.roamingMb : 0;
  const billedMb = usageMb - included;
  if (billedMb <= 0) return null;
  const rate = formatRate(plan.roamingOveragePerMb);
  return {
    accountId,
    postedOn,
    amount: roundMoney(billedMb * plan.roamingOveragePerMb),
    kind: 'roaming',
    description:
      included > 0
        ? `Roaming data overage, ${country}, ${billedMb} MB at ${rate}/MB`
        : `Roaming data, ${country}, ${billedMb} MB at ${rate}/MB`,
    country,
    usageMb,
  };
}

export function dataOverage(accountId: string, plan: SeedPlan, gigabytes: number, postedOn: string): ChargeRow {
  return {
    accountId,
    postedOn,
    amount: roundMoney(gigabytes * plan.dataOveragePerGb),
    kind: 'overage',
    description: `Data overage, ${gigabytes} GB at ${formatRate(plan.dataOveragePerGb)}/GB`,
    country: null,
    usageMb: gigabytes * 1024,
  };
}

export function deviceRepayment(
  accountId: string,
  device: { name: string; price: number; months: number },
  instalment: number,
  postedOn: string,
): ChargeRow {
  return {
    accountId,
    postedOn,
    amount: roundMoney(device.price / device.months),
    kind: 'device',
    description: `Device repayment, ${device.name} (${instalment} of ${device.months})`,
    country: null,
    usageMb: null,
  };
}

export function otherCharge(
  accountId: string,
  kind: 'premium_sms' | 'credit',
  amount: number,
  description: string,
  postedOn: string,
): ChargeRow {
  return { accountId, postedOn, amount, kind, description, country: null, usageMb: null };
}
