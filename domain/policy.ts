import { z } from 'zod';

/** A row of credit_policy: the only source of what a reply may offer. */
export const creditPolicyRowSchema = z.object({
  action: z.enum(['refund_duplicate_charge', 'goodwill_credit', 'discount', 'plan_change', 'waive_fee']),
  maxAmount: z.number().nullable(),
  maxPercent: z.number().nullable(),
  minTenureMonths: z.number().int().nonnegative(),
  description: z.string(),
});
export type CreditPolicyRow = z.infer<typeof creditPolicyRowSchema>;
