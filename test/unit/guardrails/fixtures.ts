import type { AccountContext, Charge, Passage } from '../../../domain/account';
import type { CreditPolicyRow } from '../../../domain/policy';
import type { GuardrailInput } from '../../../activities/guardrails';
import { generatorPolicy } from '../../../eval/datasets/adversarial-fixtures';

/** A line on the bill: at home (no country) and not metered, unless `extra` says otherwise. */
export const charge = (
  id: string,
  postedOn: string,
  amount: number,
  kind: Charge['kind'],
  description: string,
  extra: Partial<Charge> = {},
): Charge => ({
  id,
  postedOn,
  amount,
  kind,
  description,
  country: null,
  usageMb: null,
  ...extra,
});

/** The seed's worked example: 700 MB used in Thailand against 200 MB included, 500 MB at $0.09/MB. */
export const travelBuddyAccount: AccountContext = {
  accountId: 'ACC-1001',
  customerRef: 'CUS-1001',
  firstName: 'Mia',
  status: 'active',
  openedOn: '2022-07-12',
  tenureMonths: 30,
  plan: {
    id: 'plan-travel-buddy',
    name: 'Travel Buddy',
    monthlyPrice: 79,
    dataGb: 40,
    roamingMb: 200,
    includedCountries: ['Australia', 'United States', 'United Kingdom', 'Thailand'],
    roamingOveragePerMb: 0.09,
    dataOveragePerGb: 10,
  },
  recentCharges: [
    // Monthly fees a month apart: the same amount twice, but not a duplicate.
    charge('CHG-101', '2024-12-01', 79, 'plan', 'Travel Buddy monthly fee'),
    charge('CHG-102', '2025-01-01', 79, 'plan', 'Travel Buddy monthly fee'),
    charge('CHG-103', '2025-01-09', 45, 'roaming', 'Roaming data, Thailand', {
      country: 'Thailand',
      usageMb: 700,
    }),
  ],
  openTickets: [],
  contact: { email: 'mia.chen@example.com', phone: '0412 345 678' },
};

/** The seed's double charge: $99 on 1 and 15 January. */
export const duplicateChargeAccount: AccountContext = {
  ...travelBuddyAccount,
  accountId: 'ACC-2002',
  customerRef: 'CUS-2002',
  firstName: 'Jane',
  tenureMonths: 14,
  plan: { ...travelBuddyAccount.plan, id: 'plan-everyday', name: 'Everyday Plus', monthlyPrice: 99, roamingMb: 0 },
  recentCharges: [
    charge('CHG-201', '2025-01-01', 99, 'plan', 'Everyday Plus monthly fee'),
    charge('CHG-202', '2025-01-15', 99, 'plan', 'Everyday Plus monthly fee'),
  ],
  contact: { email: 'jane.doe@example.com', phone: '+61 423 111 222' },
};

export const roamingPassage: Passage = {
  id: 'kb-roaming-overage',
  title: 'How roaming overage is charged',
  category: 'billing',
  body: "Roaming data beyond the allowance included in your plan is charged per MB at your plan's roaming rate.",
  score: 0.82,
};

export const duplicatePassage: Passage = {
  id: 'kb-duplicate-charges',
  title: 'Duplicate charges',
  category: 'billing',
  body: 'If a customer is charged twice for the same service, we refund the duplicate charge within 5–7 business days. The refund is issued to the original payment method.',
  score: 0.9,
};

/**
 * The generator's policy caps ($20 goodwill, 10% discount, $15 waiver), one home for both; only the discount is
 * described as the seed describes it.
 */
export const creditPolicy: CreditPolicyRow[] = generatorPolicy.map((row) =>
  row.action === 'discount' ? { ...row, description: 'Loyalty discount on the plan fee' } : row,
);

export const seedRoamingReply =
  'Your Travel Buddy plan includes 200 MB roaming in Thailand, but you used 700 MB, so 500 MB was charged at $0.09/MB = $45.';

export const seedDuplicateReply =
  "I'm sorry for the inconvenience, Jane. I can see you were charged on both January 1st and January 15th. That's definitely a duplicate charge. According to our policy, we'll refund the duplicate charge ($99) within 5–7 business days to your original payment method. You should see it in your account by January 22nd. Is there anything else I can help with?";

export function travelBuddyInput(overrides: Partial<GuardrailInput> = {}): GuardrailInput {
  return {
    reply: seedRoamingReply,
    proposedActions: [],
    account: travelBuddyAccount,
    passages: [roamingPassage],
    creditPolicy,
    conversation: ['Why was I charged $45 for international roaming in Thailand? I have a plan that includes roaming.'],
    ...overrides,
  };
}

export function duplicateInput(overrides: Partial<GuardrailInput> = {}): GuardrailInput {
  return {
    reply: seedDuplicateReply,
    proposedActions: [{ type: 'refund_duplicate_charge', amount: 99 }],
    account: duplicateChargeAccount,
    passages: [duplicatePassage],
    creditPolicy,
    conversation: ["I've been charged twice for my subscription. Can I get a refund?"],
    ...overrides,
  };
}

export const withTenure = (account: AccountContext, tenureMonths: number): AccountContext => ({
  ...account,
  tenureMonths,
});
