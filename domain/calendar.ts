/**
 * Calendar dates as plain YYYY-MM-DD strings, computed in UTC so results never depend on the host's time zone, and
 * the date at a place from an instant. Pure: workflows use these with the workflow's own clock.
 */
const dayMs = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export const daysBetween = (from: string, to: string) => Math.round((toDay(to) - toDay(from)) / dayMs);
export const addDays = (iso: string, days: number) => new Date(toDay(iso) + days * dayMs).toISOString().slice(0, 10);

/** The calendar date (YYYY-MM-DD) at a place at an instant. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-AU', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
