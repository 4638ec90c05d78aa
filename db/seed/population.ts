import { addDays, addMonths, latestBillingDate, parseIsoDate } from './calendar';
import { planById, plans, planIds } from './catalogue';
import { billingDates, dataOverage, deviceRepayment, otherCharge, planFee, roamingCharge } from './charges';
import { mulberry32, type Rng } from './prng';
import type { ChargeRow, SeededAccount, SupportTicketRow } from './types';
import populationData from './population-data.json';

export const generatedAccountCount = 200;
const seedValue = 0x5b0a4d; // fixed: the same reference date always yields the same customers

// Name and postcode pools live in JSON so this file stays about behaviour, not fixtures.
const { firstNames, lastNames, postcodes } = populationData;
const emailDomains = ['example.com', 'example.net', 'example.org'];
const devices = [
  { name: 'iPhone 16', price: 1399, months: 24 },
  { name: 'iPhone 16 Pro', price: 1849, months: 36 },
  { name: 'Samsung Galaxy S25', price: 1399, months: 24 },
  { name: 'Samsung Galaxy A56', price: 699, months: 24 },
  { name: 'Google Pixel 9a', price: 849, months: 24 },
  { name: 'Oppo A80', price: 399, months: 12 },
];
const smsProviders = ['WinBig Competitions', 'TriviaText', 'Daily Horoscope Club', 'RingtoneBox'];
const ticketSubjects: [SupportTicketRow['channel'], string][] = [
  ['chat', 'Question about a roaming charge'],
  ['chat', 'Data running out faster than expected'],
  ['email', 'Request copy of past invoices'],
  ['email', 'Update billing address'],
  ['ivr', 'No signal at home'],
  ['chat', 'Help setting up eSIM'],
  ['email', 'Payment arrangement request'],
  ['chat', 'Premium SMS charge not recognised'],
  ['ivr', 'Calls dropping out in the car'],
  ['chat', 'Change plan enquiry'],
  ['email', 'Device repayment balance query'],
  ['chat', 'Locked out of My Account'],
];
const planMix: [string, number][] = [
  [planIds.basic, 15],
  [planIds.dataOnly, 8],
  [planIds.everyday, 30],
  [planIds.max, 20],
  [planIds.travelBuddy, 12],
  [planIds.premium, 15],
];
const roamingDestinations = plans.find((p) => p.id === planIds.travelBuddy)?.includedCountries ?? [];

function mobileNumber(rng: Rng): string {
  const digits = () => String(rng.int(0, 999)).padStart(3, '0');
  return `04${rng.int(10, 99)} ${digits()} ${digits()}`;
}

function emailFor(first: string, last: string, n: number, rng: Rng): string {
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return `${local}${n % 7 === 0 ? '' : n}@${rng.pick(emailDomains)}`;
}

function usageCharges(rng: Rng, accountId: string, planId: string, cycles: string[]): ChargeRow[] {
  const plan = planById(planId);
  const charges: ChargeRow[] = cycles.map((date) => planFee(accountId, plan, date));
  for (const date of cycles) {
    if (rng.chance(0.12)) charges.push(dataOverage(accountId, plan, rng.int(1, 4), date));
  }
  if (cycles.length > 0 && rng.chance(0.08)) {
    const country = rng.pick(roamingDestinations);
    const usage = plan.roamingMb + rng.int(plan.roamingMb > 0 ? -100 : 30, 800);
    const roaming = roamingCharge(accountId, plan, country, usage, rng.pick(cycles));
    if (roaming) charges.push(roaming);
  }
  if (planId !== planIds.dataOnly && rng.chance(0.25)) {
    const device = rng.pick(devices);
    let instalment = rng.int(cycles.length, device.months);
    for (const date of cycles) charges.push(deviceRepayment(accountId, device, instalment--, date));
  }
  if (cycles.length > 0 && rng.chance(0.04)) {
    const provider = rng.pick(smsProviders);
    charges.push(
      otherCharge(accountId, 'premium_sms', rng.pick([4.99, 9.99]), `Premium SMS, ${provider}`, cycles[0] as string),
    );
  }
  if (cycles.length > 1 && rng.chance(0.03)) {
    charges.push(otherCharge(accountId, 'credit', -10, 'Goodwill credit, network outage', cycles[0] as string));
  }
  return charges;
}

/** About 200 ordinary customers, so search, dashboards and fraud screens have a realistic base to work over. */
export function generatedAccounts(referenceDate: string): SeededAccount[] {
  parseIsoDate(referenceDate);
  const rng = mulberry32(seedValue);
  const accounts: SeededAccount[] = [];
  const phones = new Set<string>();
  for (let i = 1; i <= generatedAccountCount; i++) {
    const number = 2000 + i;
    const accountId = `ACC-${number}`;
    const customerId = `CUS-${number}`;
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    let phone = mobileNumber(rng);
    while (phones.has(phone)) phone = mobileNumber(rng);
    phones.add(phone);
    const tenureMonths = rng.int(1, 72);
    const openedOn = addDays(addMonths(referenceDate, -tenureMonths), -rng.int(0, 27));
    const billingDay = Math.min(parseIsoDate(openedOn).getUTCDate(), 28);
    const status = rng.weighted<SeededAccount['account']['status']>([
      ['active', 92],
      ['suspended', 5],
      ['closed', 3],
    ]);
    const closedOn = status === 'closed' ? addDays(referenceDate, -rng.int(10, 60)) : undefined;
    const planId = rng.weighted(planMix);
    const cycles = billingDates(latestBillingDate(referenceDate, billingDay), referenceDate, openedOn, closedOn);
    const tickets: SeededAccount['tickets'] = [];
    if (rng.chance(0.15)) {
      const [channel, subject] = rng.pick(ticketSubjects);
      const ticketStatus = rng.weighted<SupportTicketRow['status']>([
        ['open', 50],
        ['pending', 20],
        ['closed', 30],
      ]);
      const ticketOpened = addDays(referenceDate, -rng.int(0, 60));
      tickets.push({
        accountId,
        channel,
        subject,
        status: status === 'closed' ? 'closed' : ticketStatus,
        openedOn: ticketOpened < openedOn ? openedOn : ticketOpened,
      });
    }
    accounts.push({
      customer: {
        id: customerId,
        fullName: `${first} ${last}`,
        email: emailFor(first, last, i, rng),
        phone,
        postcode: rng.pick(postcodes),
        createdAt: `${openedOn}T${String(rng.int(8, 19)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`,
      },
      account: { id: accountId, customerId, planId, status, openedOn },
      charges: usageCharges(rng, accountId, planId, cycles),
      tickets,
    });
  }
  return accounts;
}
