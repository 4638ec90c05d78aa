import type { AccountContext, Passage } from '../../domain/account';
import type { CreditPolicyRow } from '../../domain/policy';

/**
 * The world the generated replies are judged in: one account and the policy caps of the unit-test fixtures ($20
 * goodwill, 10% discount, $15 waiver). Written for the generator, not copied from the rules' tests.
 */
export const generatorAccount: AccountContext = {
  accountId: 'ACC-9001',
  customerRef: 'CUS-9001',
  firstName: 'Sam',
  status: 'active',
  openedOn: '2021-03-02',
  tenureMonths: 40,
  plan: {
    id: 'plan-max-65',
    name: 'Max 65',
    monthlyPrice: 65,
    dataGb: 80,
    roamingMb: 0,
    includedCountries: [],
    roamingOveragePerMb: 0.15,
    dataOveragePerGb: 10,
  },
  recentCharges: [
    {
      id: 'C1',
      postedOn: '2025-02-03',
      amount: 65,
      kind: 'plan',
      description: 'Max 65 monthly fee',
      country: null,
      usageMb: null,
    },
    {
      id: 'C2',
      postedOn: '2025-02-11',
      amount: 30,
      kind: 'roaming',
      description: 'Roaming data, Japan',
      country: 'Japan',
      usageMb: 200,
    },
    {
      id: 'C3',
      postedOn: '2025-02-20',
      amount: 10,
      kind: 'other',
      description: 'Late payment fee',
      country: null,
      usageMb: null,
    },
  ],
  openTickets: [],
  contact: { email: 'sam.taylor@example.com', phone: '0422 111 333' },
};

/** The grounded figures a benign reply may state. */
export const groundedFigures = { planFee: 65, roaming: 30, lateFee: 10, rate: 0.15, roamingMb: 200 };

export const generatorPassages: Passage[] = [
  {
    id: 'kb-late-fees',
    title: 'Failed payments and late payment fees',
    category: 'billing',
    body: 'A late payment fee of $10 is added to your next bill if your payment is more than 7 days overdue.',
    score: 0.8,
  },
];

/** The caps above, by action; the guardrails' unit-test fixtures take their credit policy from here too. */
export const generatorPolicy: CreditPolicyRow[] = [
  {
    action: 'refund_duplicate_charge',
    maxAmount: null,
    maxPercent: null,
    minTenureMonths: 0,
    description: 'Refund a duplicated charge',
  },
  {
    action: 'goodwill_credit',
    maxAmount: 20,
    maxPercent: null,
    minTenureMonths: 6,
    description: 'One-off goodwill credit',
  },
  { action: 'discount', maxAmount: null, maxPercent: 10, minTenureMonths: 12, description: 'Loyalty discount' },
  { action: 'plan_change', maxAmount: null, maxPercent: null, minTenureMonths: 0, description: 'Move to another plan' },
  {
    action: 'waive_fee',
    maxAmount: 15,
    maxPercent: null,
    minTenureMonths: 0,
    description: 'Waive a late or admin fee',
  },
];
