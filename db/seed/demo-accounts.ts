import { addDays, addMonths } from './calendar';
import { planById, planIds } from './catalogue';
import { billingDates, dataOverage, otherCharge, planFee, roamingCharge } from './charges';
import type { ChargeRow, SeededAccount } from './types';

interface DemoSpec {
  accountId: string;
  fullName: string;
  email: string;
  phone: string;
  postcode: string;
  planId: string;
  tenureMonths: number;
  /** Days before the reference date of the latest regular plan fee. */
  cycleDaysAgo: number;
  extras?: (ctx: { accountId: string; referenceDate: string; cycleDate: string }) => ChargeRow[];
  tickets?: SeededAccount['tickets'];
}

/** The accounts the demo script and tests name. Their ids and the shape of their charges are a contract. */
function demoSpecs(referenceDate: string): DemoSpec[] {
  const daysAgo = (days: number) => addDays(referenceDate, -days);
  return [
    {
      accountId: 'ACC-1001',
      fullName: 'Jane Doe',
      email: 'jane.doe@example.com',
      phone: '0412 345 678',
      postcode: '2000',
      planId: planIds.premium,
      tenureMonths: 30,
      cycleDaysAgo: 14,
      // The billing fault the worked refund example is about: the same cycle's fee posted again a day later.
      extras: ({ accountId }) => [planFee(accountId, planById(planIds.premium), daysAgo(13))],
    },
    {
      accountId: 'ACC-1002',
      fullName: 'Alex Chen',
      email: 'alex.chen@example.com',
      phone: '0423 456 789',
      postcode: '3000',
      planId: planIds.travelBuddy,
      tenureMonths: 18,
      cycleDaysAgo: 9,
      // 700 MB used against a 200 MB allowance: 500 MB at $0.09/MB = $45.00.
      extras: ({ accountId, cycleDate }) => [
        roamingCharge(accountId, planById(planIds.travelBuddy), 'Thailand', 700, cycleDate) as ChargeRow,
      ],
    },
    {
      accountId: 'ACC-1003',
      fullName: 'Priya Nair',
      email: 'priya.nair@example.com',
      phone: '0434 567 890',
      postcode: '4000',
      planId: planIds.everyday,
      tenureMonths: 12,
      cycleDaysAgo: 3,
    },
    {
      accountId: 'ACC-1004',
      fullName: 'Sam Taylor',
      email: 'sam.taylor@example.com',
      phone: '0445 678 901',
      postcode: '5000',
      planId: planIds.basic,
      tenureMonths: 8,
      cycleDaysAgo: 20,
    },
    {
      accountId: 'ACC-1005',
      fullName: 'Chris Lee',
      email: 'chris.lee@example.com',
      phone: '0456 789 012',
      postcode: '6000',
      planId: planIds.max,
      tenureMonths: 4,
      cycleDaysAgo: 11,
    },
    {
      accountId: 'ACC-1006',
      fullName: 'Morgan Smith',
      email: 'morgan.smith@example.com',
      phone: '0467 890 123',
      postcode: '2150',
      planId: planIds.everyday,
      tenureMonths: 26,
      cycleDaysAgo: 5,
      extras: ({ accountId, cycleDate }) => [dataOverage(accountId, planById(planIds.everyday), 3, cycleDate)],
      tickets: [
        {
          accountId: 'ACC-1006',
          channel: 'chat',
          subject: 'Slow mobile data in the evenings',
          status: 'open',
          openedOn: daysAgo(10),
        },
      ],
    },
    {
      accountId: 'ACC-1007',
      fullName: 'Riley Jones',
      email: 'riley.jones@example.com',
      phone: '0478 901 234',
      postcode: '7000',
      planId: planIds.everyday,
      tenureMonths: 14,
      cycleDaysAgo: 17,
    },
    {
      accountId: 'ACC-1008',
      fullName: 'Jordan Brown',
      email: 'jordan.brown@example.com',
      phone: '0489 012 345',
      postcode: '2600',
      planId: planIds.premium,
      tenureMonths: 40,
      cycleDaysAgo: 22,
      // Charges the customer says they never signed up for.
      extras: ({ accountId }) =>
        [8, 6, 3].map((days) =>
          otherCharge(accountId, 'premium_sms', 9.99, 'Premium SMS, WinBig Competitions', daysAgo(days)),
        ),
    },
  ];
}

export function demoAccounts(referenceDate: string): SeededAccount[] {
  return demoSpecs(referenceDate).map((spec) => {
    const cycleDate = addDays(referenceDate, -spec.cycleDaysAgo);
    const openedOn = addMonths(cycleDate, -spec.tenureMonths);
    const plan = planById(spec.planId);
    const customerId = spec.accountId.replace('ACC-', 'CUS-');
    const regular = billingDates(cycleDate, referenceDate, openedOn).map((date) => planFee(spec.accountId, plan, date));
    return {
      customer: {
        id: customerId,
        fullName: spec.fullName,
        email: spec.email,
        phone: spec.phone,
        postcode: spec.postcode,
        createdAt: `${openedOn}T09:00:00Z`,
      },
      account: { id: spec.accountId, customerId, planId: spec.planId, status: 'active', openedOn },
      charges: [...regular, ...(spec.extras?.({ accountId: spec.accountId, referenceDate, cycleDate }) ?? [])],
      tickets: spec.tickets ?? [],
    };
  });
}
