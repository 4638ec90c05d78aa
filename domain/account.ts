import { z } from 'zod';

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  monthlyPrice: z.number(),
  dataGb: z.number().nullable(),
  roamingMb: z.number(),
  includedCountries: z.array(z.string()),
  roamingOveragePerMb: z.number(),
  dataOveragePerGb: z.number(),
});
export type Plan = z.infer<typeof planSchema>;

export const chargeSchema = z.object({
  id: z.string(),
  postedOn: z.string(), // ISO date (YYYY-MM-DD)
  amount: z.number(),
  kind: z.enum(['plan', 'roaming', 'overage', 'device', 'credit', 'refund', 'premium_sms', 'other']),
  description: z.string(),
  country: z.string().nullable(),
  usageMb: z.number().nullable(),
});
export type Charge = z.infer<typeof chargeSchema>;

/** The account facts a reply may rely on. Stored as a snapshot in PostgreSQL; only its ref travels in history. */
export const accountContextSchema = z.object({
  accountId: z.string(),
  customerRef: z.string(),
  firstName: z.string(),
  status: z.enum(['active', 'suspended', 'closed']),
  openedOn: z.string(),
  tenureMonths: z.number().int().nonnegative(),
  plan: planSchema,
  recentCharges: z.array(chargeSchema),
  openTickets: z.array(z.object({ id: z.string(), subject: z.string(), openedOn: z.string() })),
  contact: z.object({ email: z.string(), phone: z.string() }),
});
export type AccountContext = z.infer<typeof accountContextSchema>;

export const passageSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  body: z.string(),
  score: z.number(),
});
export type Passage = z.infer<typeof passageSchema>;
