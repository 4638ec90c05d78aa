import type { ChunkLoader } from './loader';
import { int, pick, sample, type Rng } from './prng';

export interface Ctx {
  days: number;
  start: number; // epoch seconds of the first generated day, 00:00 UTC
  day: (offset: number) => string;
  out: ChunkLoader;
}

export const TRAVEL =
  'NZ FJ ID SG MY TH VN JP KR CN HK TW PH IN LK AE QA TR GR IT FR ES PT DE NL BE GB IE CH AT CZ PL HR US CA MX BR AR CL PE ZA KE EG MA IS NO SE DK FI EE LT HU RO BG'.split(
    ' ',
  );
export const BUSINESS = ['US', 'GB', 'SG', 'CN', 'JP', 'DE', 'HK', 'IN', 'FR', 'NZ'];
// Destinations whose premium ranges are classic International Revenue Share Fraud targets.
export const IRSF = ['CU', 'LV', 'GN', 'SO', 'TN', 'SN', 'ER', 'NR', 'TV', 'ST', 'KM', 'SB'];
const BLEED_VENDORS = ['Quick', 'Fun', 'Star', 'Mega', 'Top', 'Zen', 'Lucky'].flatMap((a) =>
  ['Games', 'Tones', 'Alerts', 'Quiz', 'Club', 'Stars', 'Tips'].map((b) => `${a}${b}`),
);

const money = (x: number) => Math.round(x * 100) / 100;
const mb = (x: number) => Math.round(x * 10) / 10;
const endOf = (ctx: Ctx) => ctx.start + ctx.days * 86400 - 1;

export function call(
  ctx: Ctx,
  id: number,
  at: number,
  country: string,
  premium: boolean,
  seconds: number,
  rate: number,
) {
  ctx.out.add(
    'fraud_voice_calls',
    id,
    Math.min(at, endOf(ctx)),
    country,
    premium,
    seconds,
    money((seconds / 60) * rate),
  );
}

/** Roaming through `countries` spread over the 14 days from `from`: the shape of a spree, fraudulent or not. */
export function roamAcross(ctx: Ctx, rng: Rng, id: number, from: number, countries: string[]): void {
  const span = Math.min(14, ctx.days - from);
  countries.forEach((country, j) => {
    ctx.out.add(
      'fraud_roaming_events',
      id,
      ctx.day(from + Math.floor((j * span) / countries.length)),
      country,
      mb(50 + rng() * 900),
    );
  });
}

export function simSwap(ctx: Ctx, rng: Rng, id: number, onset: number): void {
  const swappedAt = ctx.start + onset * 86400 + int(rng, 0, 86399);
  ctx.out.add('fraud_sim_changes', id, swappedAt);
  for (let i = int(rng, 6, 20); i > 0; i--) {
    const premium = rng() < 0.5;
    const country = premium ? pick(rng, IRSF) : pick(rng, TRAVEL);
    call(ctx, id, swappedAt + int(rng, 600, 48 * 3600), country, premium, int(rng, 300, 3600), premium ? 4.5 : 2);
  }
}

/** Business-style international calling every day, on a plan that includes none of it. */
export function subscriptionMismatch(ctx: Ctx, rng: Rng, id: number, onset: number): void {
  for (let d = onset; d < ctx.days; d++) {
    for (let i = int(rng, 4, 12); i > 0; i--) {
      call(
        ctx,
        id,
        ctx.start + d * 86400 + int(rng, 8 * 3600, 19 * 3600),
        pick(rng, BUSINESS),
        false,
        int(rng, 300, 2700),
        1.2,
      );
    }
  }
}

/** Charges too small to notice one by one, from many vendors the customer never dealt with before. */
export function slowBleed(ctx: Ctx, rng: Rng, id: number, onset: number): void {
  for (const vendor of sample(rng, BLEED_VENDORS, int(rng, 15, 35))) {
    for (let i = int(rng, 1, 3); i > 0; i--) {
      const at = ctx.start + int(rng, onset, ctx.days - 1) * 86400 + int(rng, 0, 86399);
      ctx.out.add('fraud_sms_charges', id, at, vendor, money(0.1 + rng() * 0.89), false);
    }
  }
}

export function irsf(ctx: Ctx, rng: Rng, id: number, onset: number): void {
  const span = (ctx.days - onset) * 86400;
  for (let i = int(rng, 15, 60); i > 0; i--) {
    call(ctx, id, ctx.start + onset * 86400 + int(rng, 0, span - 1), pick(rng, IRSF), true, int(rng, 600, 3600), 6);
  }
}

export function travelHistory(ctx: Ctx, rng: Rng, id: number, count: number): void {
  for (const country of sample(rng, TRAVEL, count)) {
    ctx.out.add('fraud_travel_history', id, country, ctx.day(-int(rng, 1, 730)));
  }
}
