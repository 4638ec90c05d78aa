/** Date arithmetic on plain YYYY-MM-DD strings in UTC, so results never depend on the host's time zone. */
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;

export function parseIsoDate(value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!isoDate.test(value) || Number.isNaN(date.getTime()) || toIso(date) !== value) {
    throw new Error(`expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return date;
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  return toIso(new Date(parseIsoDate(value).getTime() + days * dayMs));
}

/** Clamps to the month's last day, as billing systems do for a 31st anniversary in a 30-day month. */
export function addMonths(value: string, months: number): string {
  const date = parseIsoDate(value);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return toIso(first);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / dayMs);
}

/** The latest date on or before `onOrBefore` that falls on `billingDay` (1-28) of its month. */
export function latestBillingDate(onOrBefore: string, billingDay: number): string {
  const date = parseIsoDate(onOrBefore);
  const candidate = toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), billingDay)));
  return candidate <= onOrBefore ? candidate : addMonths(candidate, -1);
}
