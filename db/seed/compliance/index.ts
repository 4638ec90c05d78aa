import type { PoolClient } from 'pg';
import { z } from 'zod';
import { addDays, addMonths, parseIsoDate } from '../calendar';
import { insertRows } from '../sql';
import incidentsJson from './incidents.json';

export interface IncidentRow {
  id: string;
  openedAt: string;
  description: string;
  incidentType: string | null;
  customersAffected: number | null;
}

export interface NotificationRow {
  incidentId: string;
  reportedOn: string;
  reference: string;
}

const type = z.enum(['data_breach', 'service_outage', 'security_vulnerability', 'other']).nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}$/);
const base = { type, customers: z.number().int().nonnegative().nullable(), text: z.string().min(1) };
const catalogue = z
  .object({
    // The four incidents of the ACMA example: fixed dates, so the expected CSV never moves.
    sample: z.array(z.object({ id: z.string(), date, reportedOn: date.nullable(), ...base })),
    // The month before the reference month. `day` 'last' and 'next' are the Sydney month-boundary cases.
    month: z.array(
      z.object({
        n: z.number().int().min(100).max(199),
        day: z.union([z.number().int().min(1).max(28), z.enum(['last', 'next'])]),
        at: time,
        reportedAfter: z.number().int().nonnegative().nullable(),
        ...base,
      }),
    ),
    pending: z.object({ n: z.number().int(), daysBeforeReference: z.number().int(), at: time, ...base }),
  })
  .parse(incidentsJson);

/*
 * Edge cases (ids are INC-<year of the Sydney opening date>-<n>; outcome in the seeded month's report, see
 * seededReportMonth; "reference month" below is the month after it):
 * - 101: 00:20 Sydney on the 1st, still the previous day in UTC. In the month; a UTC filter loses it.
 * - 102: credential stuffing, no word "breach", reported on day 30: within the requirement.
 * - 103: exfiltration, reported on day 31: late, so the month FAILs.
 * - 115: structured type says security_vulnerability, the text says customer data was accessed: a breach.
 * - 114: a 000 outage notified to ACMA: a notification that is not a breach.
 * - 104, 118, 124, 128, 129: breaches the text never calls one; 106, 110, 116, 119, 122 say no data was exposed.
 * - 129: 23:30 Sydney on the last day. In the month.
 * - 130: 00:15 Sydney on the 1st of the reference month, the last day in UTC: not in the month.
 * - 131: breach opened 10 days before the reference date, not reported yet: PENDING in its own month.
 * Every notification is dated by day 6 of the reference month; a notification dated after the reference date is
 * dropped (not sent yet), which only the pending case 131 relies on.
 */

const sydneyClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Australia/Sydney',
  hourCycle: 'h23',
  ...{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
});
const sydneyLocal = (at: Date) => sydneyClock.format(at).replace(', ', 'T');

/** Sydney wall-clock time to UTC ISO. Sydney is UTC+10 or +11; no seeded time falls inside a DST jump. */
export function sydneyToUtc(localDate: string, localTime: string): string {
  const wall = Date.parse(`${localDate}T${localTime}:00Z`);
  for (const hours of [10, 11]) {
    const at = new Date(wall - hours * 3_600_000);
    if (sydneyLocal(at) === `${localDate}T${localTime}`) return at.toISOString();
  }
  throw new Error(`${localDate} ${localTime} does not exist in Australia/Sydney`);
}

const reference = (incidentId: string) => `ACMA-${incidentId.slice(4)}`;

// The seeded month's notifications are dated by this day of the month after it (a day-31 report of the 3rd of
// February is the latest, on 6 March).
const LAST_NOTIFICATION_DAY = 6;

/**
 * The month whose edge cases are seeded (YYYY-MM-01): the previous month once all its notifications are dated on or
 * before the reference date, otherwise the month before that, so that the seeded outcomes (day 30 within, day 31
 * late) hold on every day of the month, the 1st to the 5th included.
 */
export function seededReportMonth(referenceDate: string): string {
  const thisMonth = `${referenceDate.slice(0, 7)}-01`;
  return addMonths(thisMonth, Number(referenceDate.slice(8, 10)) >= LAST_NOTIFICATION_DAY ? -1 : -2);
}

/** Every row the compliance seed writes for a reference date. Same date, same rows. */
export function buildComplianceSeed(referenceDate: string): {
  incidents: IncidentRow[];
  notifications: NotificationRow[];
} {
  const previousMonth = seededReportMonth(referenceDate);
  const referenceMonth = addMonths(previousMonth, 1);
  const dayOf = (day: number | 'last' | 'next') =>
    day === 'last' ? addDays(referenceMonth, -1) : day === 'next' ? referenceMonth : addDays(previousMonth, day - 1);
  const { sample, month, pending } = catalogue;
  const generated = [
    ...month.map((s) => ({ ...s, date: dayOf(s.day) })),
    { ...pending, reportedAfter: null, date: addDays(referenceDate, -pending.daysBeforeReference) },
  ];

  const incidents: IncidentRow[] = [];
  const notifications: NotificationRow[] = [];
  const add = (id: string, openedAt: string, row: z.infer<z.ZodObject<typeof base>>) =>
    incidents.push({ id, openedAt, description: row.text, incidentType: row.type, customersAffected: row.customers });
  for (const s of sample) {
    add(s.id, sydneyToUtc(s.date, '09:40'), s);
    if (s.reportedOn) notifications.push({ incidentId: s.id, reportedOn: s.reportedOn, reference: reference(s.id) });
  }
  for (const s of generated) {
    const id = `INC-${s.date.slice(0, 4)}-${s.n}`;
    add(id, sydneyToUtc(s.date, s.at), s);
    const reportedOn = s.reportedAfter === null ? null : addDays(s.date, s.reportedAfter);
    // A notification dated after the reference date has not been sent yet.
    if (reportedOn && reportedOn <= referenceDate)
      notifications.push({ incidentId: id, reportedOn, reference: reference(id) });
  }
  return { incidents, notifications };
}

/** Rewrites the incident log only: reports and reviews are what workflows recorded and survive a reseed. */
export async function seedCompliance(client: PoolClient, referenceDate: string): Promise<Record<string, number>> {
  parseIsoDate(referenceDate);
  const { incidents, notifications } = buildComplianceSeed(referenceDate);
  // No CASCADE: if a history table ever references incidents, this fails instead of emptying it.
  await client.query('TRUNCATE TABLE regulator_notifications, incidents');
  return {
    incidents: await insertRows(
      client,
      'incidents',
      ['id', 'opened_at', 'description', 'incident_type', 'customers_affected'],
      incidents.map((i) => [i.id, i.openedAt, i.description, i.incidentType, i.customersAffected]),
    ),
    regulatorNotifications: await insertRows(
      client,
      'regulator_notifications',
      ['incident_id', 'reported_on', 'reference'],
      notifications.map((n) => [n.incidentId, n.reportedOn, n.reference]),
    ),
  };
}
