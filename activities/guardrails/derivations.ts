import type { AccountContext } from '../../domain/account';
import type { ProposedAction } from '../../domain/ticket';
import { parseIsoDate, round, sameAmount } from './extract';

const day = (iso: string) => {
  const d = parseIsoDate(iso);
  return d ? Date.UTC(d.year!, d.month - 1, d.day) / 86_400_000 : NaN;
};

/**
 * The only arithmetic a reply may state beyond the figures themselves, each one a rule the bill or the credit policy
 * names. Anything else ("$79 − $45", "$45 × 3") is a new figure, and new figures are not sent automatically: before
 * this list, any difference or product of two facts counted, which grounded 16 of the amounts $1 to $1,000 for one
 * account.
 */
export function namedDerivations(account: AccountContext, proposed: ProposedAction[]): number[] {
  const { plan, recentCharges } = account;
  const out: number[] = [];
  for (const c of recentCharges) {
    if (c.usageMb === null) continue;
    // Roaming overage: megabytes above the included roaming allowance at the plan's per-MB rate.
    if (c.kind === 'roaming') out.push(Math.max(0, c.usageMb - plan.roamingMb) * plan.roamingOveragePerMb);
    // Data overage: whole gigabytes above the plan's allowance at the per-GB rate.
    if (c.kind === 'overage' && plan.dataGb !== null)
      out.push(Math.ceil(Math.max(0, c.usageMb / 1000 - plan.dataGb)) * plan.dataOveragePerGb);
  }
  // A charge and its duplicate: the pair's total, and the difference when the second differs from the first.
  const charges = recentCharges.filter((c) => c.amount > 0 && c.kind !== 'credit' && c.kind !== 'refund');
  for (const [i, a] of charges.entries()) {
    for (const b of charges.slice(i + 1)) {
      if (a.kind !== b.kind || Math.abs(day(a.postedOn) - day(b.postedOn)) >= 25) continue;
      if (sameAmount(a.amount, b.amount)) out.push(a.amount + b.amount);
      else if (a.description === b.description) out.push(Math.abs(a.amount - b.amount));
    }
  }
  // A proposed discount: what it takes off the plan fee, and the fee after it.
  for (const a of proposed) {
    if (a.type !== 'discount' || a.percent === undefined) continue;
    const off = (a.percent / 100) * plan.monthlyPrice;
    out.push(off, plan.monthlyPrice - off);
  }
  return out.map((n) => round(n, 2));
}
