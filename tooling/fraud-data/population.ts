import * as inject from './injections';
import type { Ctx } from './injections';
import { int, mix, mulberry32, pick, sample, type Rng } from './prng';

export const FRAUD_PATTERNS = [
  'roaming_spree',
  'sim_swap',
  'usage_spike',
  'subscription_mismatch',
  'slow_bleed',
  'irsf',
] as const;
export type Role = (typeof FRAUD_PATTERNS)[number] | 'lookalike_traveller' | 'lookalike_new_account' | 'normal';

const BLOCK = 200; // one fraud and one look-alike per block: 0.5% each, and every pattern within 1,200 accounts
const LEGIT_VENDORS = ['TransLink', 'ParkMate', 'RedCrossAU', 'CityParking', 'TollPass'];

/** Placement is per block rather than a coin flip so small populations still contain every pattern. */
export function roleOf(seed: number, id: number): Role {
  const block = Math.floor((id - 1) / BLOCK);
  const pos = (id - 1) % BLOCK;
  const h = mix(seed ^ 0x5bd1e995, block);
  const fraudPos = h % BLOCK;
  if (pos === fraudPos) return FRAUD_PATTERNS[(block + seed) % FRAUD_PATTERNS.length] as Role;
  if (pos === (fraudPos + 1 + ((h >>> 8) % (BLOCK - 1))) % BLOCK) {
    return block % 2 === 0 ? 'lookalike_traveller' : 'lookalike_new_account';
  }
  return 'normal';
}

function planFor(rng: Rng, role: Role): [string, 'domestic' | 'travel' | 'business'] {
  if (role === 'roaming_spree' || role === 'subscription_mismatch') return ['DOM-M', 'domestic'];
  const r = rng();
  if (role === 'lookalike_traveller') return r < 0.5 ? ['TRV-GLOBAL', 'travel'] : ['BIZ-2', 'business'];
  if (r < 0.8) return [pick(rng, ['DOM-S', 'DOM-M', 'DOM-L']), 'domestic'];
  return r < 0.88 ? ['TRV-GLOBAL', 'travel'] : [pick(rng, ['BIZ-1', 'BIZ-2']), 'business'];
}

export function generateAccount(ctx: Ctx, seed: number, id: number): void {
  const rng = mulberry32(mix(seed, id));
  const role = roleOf(seed, id);
  const { days, out } = ctx;
  const [planCode, planType] = planFor(rng, role);
  const recent = Math.max(0, days - int(rng, 3, 14)); // onset inside the last two weeks, as a daily sweep sees it
  const opened = role === 'lookalike_new_account' ? Math.max(0, days - int(rng, 7, 20)) : -int(rng, 30, 3000);
  out.add('fraud_accounts', id, planCode, planType, 'AU', ctx.day(opened));

  // Extra load on particular days: the spike, and a new customer's first week of setting up a phone.
  let boost = (_d: number) => 1;
  if (role === 'usage_spike') {
    const [from, to, factor] = [recent, recent + int(rng, 1, 3), int(rng, 15, 40)];
    boost = (d) => (d >= from && d < to ? factor : 1);
  } else if (role === 'lookalike_new_account') {
    const factor = int(rng, 5, 10);
    boost = (d) => (d < opened + 7 ? factor : 1);
  }
  baseline(ctx, rng, id, planType, Math.max(0, opened), boost);

  const historyCount = { domestic: [0, 3], travel: [2, 15], business: [3, 25] }[planType] as [number, number];
  const spreeStart = Math.max(0, days - 14);
  let onset = recent;
  switch (role) {
    case 'roaming_spree':
      inject.roamAcross(ctx, rng, id, spreeStart, sample(rng, inject.TRAVEL, int(rng, 8, 15)));
      onset = spreeStart;
      break;
    case 'lookalike_traveller':
      inject.travelHistory(ctx, rng, id, int(rng, 40, 55));
      inject.roamAcross(ctx, rng, id, spreeStart, sample(rng, inject.TRAVEL, int(rng, 8, 12)));
      onset = spreeStart;
      break;
    case 'sim_swap':
      inject.simSwap(ctx, rng, id, Math.min(recent, days - 1));
      break;
    case 'subscription_mismatch':
      onset = Math.max(0, days - int(rng, 10, 25));
      inject.subscriptionMismatch(ctx, rng, id, onset);
      break;
    case 'slow_bleed':
      onset = Math.max(0, days - 30);
      inject.slowBleed(ctx, rng, id, onset);
      break;
    case 'irsf':
      onset = Math.max(0, days - int(rng, 1, 3));
      inject.irsf(ctx, rng, id, onset);
      break;
    case 'lookalike_new_account':
      onset = opened;
      break;
  }
  if (role !== 'lookalike_traveller') inject.travelHistory(ctx, rng, id, int(rng, ...historyCount));
  if (role !== 'normal') out.add('fraud_labels', id, role, !role.startsWith('lookalike'), ctx.day(onset));
}

/** What every account does: daily data, a few calls, the odd trip, SMS charge and SIM change. */
function baseline(ctx: Ctx, rng: Rng, id: number, planType: string, first: number, boost: (d: number) => number) {
  const { days, start, out } = ctx;
  const baseMb = 100 + rng() * rng() * 3000;
  const callMax = int(rng, 0, 4);
  const intlShare = planType === 'business' ? 0.15 : planType === 'travel' ? 0.03 : 0.01;
  for (let d = first; d < days; d++) {
    const b = boost(d);
    out.add('fraud_data_sessions', id, ctx.day(d), Math.round(baseMb * b * (4 + rng() * 12)) / 10);
    const calls = Math.floor(rng() * (callMax + 1)) + (b > 1 ? int(rng, 5, 20) : 0);
    for (let i = 0; i < calls; i++) {
      const intl = rng() < intlShare;
      const premium = !intl && rng() < 0.003; // 1900 numbers: rare but real, so premium alone is not proof
      const at = start + d * 86400 + int(rng, 7 * 3600, 22 * 3600);
      const seconds = 5 + Math.floor(rng() * rng() * 1200);
      inject.call(
        ctx,
        id,
        at,
        intl ? pick(rng, inject.BUSINESS) : 'AU',
        premium,
        seconds,
        intl ? 1.2 : premium ? 2.5 : 0,
      );
    }
    if (rng() < 0.03) {
      const at = start + d * 86400 + int(rng, 0, 86399);
      out.add('fraud_sms_charges', id, at, pick(rng, LEGIT_VENDORS), int(rng, 100, 1000) / 100, false);
    }
    if (rng() < 0.003) out.add('fraud_sms_charges', id, start + d * 86400 + int(rng, 0, 86399), 'VoteLine', 0.55, true);
  }
  const tripChance = planType === 'travel' ? 0.35 : planType === 'business' ? 0.25 : 0.03;
  if (rng() < tripChance && days > first) {
    const from = int(rng, first, days - 1);
    const countries = sample(rng, inject.TRAVEL, int(rng, 1, 3));
    for (let d = from; d < Math.min(days, from + int(rng, 3, 10)); d++) {
      const country = countries[Math.floor(((d - from) * countries.length) / 10)] ?? countries[0];
      out.add('fraud_roaming_events', id, ctx.day(d), country as string, Math.round(baseMb * (3 + rng() * 7)) / 10);
    }
  }
  if (rng() < 0.004) out.add('fraud_sim_changes', id, start + int(rng, first, days - 1) * 86400 + int(rng, 0, 86399));
}
