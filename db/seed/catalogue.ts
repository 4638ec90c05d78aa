import { z } from 'zod';
import { planSchema } from '../../domain/account';
import type { CreditPolicyRow } from '../../domain/policy';
import knowledgeBaseJson from './knowledge-base.json';
import plansJson from './plans.json';

export const knowledgeCategories = [
  'billing',
  'roaming',
  'plans',
  'outages',
  'devices',
  'cancellation',
  'refunds',
  'account',
  'payments',
  'security',
] as const;

export const seedPlanSchema = planSchema.extend({ description: z.string().min(1) });
export type SeedPlan = z.infer<typeof seedPlanSchema>;

export const knowledgeArticleSchema = z.object({
  id: z.string().regex(/^KB-\d{3}$/),
  title: z.string().min(1),
  category: z.enum(knowledgeCategories),
  body: z.string().min(1),
  updatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;

// Parsed rather than cast so a typo in the JSON fails the seed loudly instead of writing a half-valid catalogue.
export const plans: SeedPlan[] = z.array(seedPlanSchema).parse(plansJson);
export const knowledgeArticles: KnowledgeArticle[] = z.array(knowledgeArticleSchema).parse(knowledgeBaseJson);

/** Demo and tests refer to plans by these ids. */
export const planIds = {
  basic: 'PLN-BASIC-25',
  dataOnly: 'PLN-DATA-30',
  everyday: 'PLN-EVERYDAY-45',
  max: 'PLN-MAX-65',
  travelBuddy: 'PLN-TRAVEL-79',
  premium: 'PLN-PREMIUM-99',
} as const;

export function planById(id: string): SeedPlan {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(`unknown plan ${id}`);
  return plan;
}

export const creditPolicy: CreditPolicyRow[] = [
  {
    action: 'refund_duplicate_charge',
    maxAmount: null,
    maxPercent: null,
    minTenureMonths: 0,
    description: 'Refund a plan fee charged twice for the same billing month. The refund is the duplicated amount.',
  },
  {
    action: 'goodwill_credit',
    maxAmount: 20,
    maxPercent: null,
    minTenureMonths: 6,
    description: 'One-off goodwill credit of up to $20.00, assessed by an agent, for accounts open at least 6 months.',
  },
  {
    action: 'discount',
    maxAmount: null,
    maxPercent: 10,
    minTenureMonths: 24,
    description:
      'Published promotions only: up to 10% off plan fees where a published promotion applies, for accounts open at least 24 months.',
  },
  {
    action: 'waive_fee',
    maxAmount: 25,
    maxPercent: null,
    minTenureMonths: 12,
    description: 'Waive a late payment or other account fee of up to $25.00 for accounts open at least 12 months.',
  },
  {
    action: 'plan_change',
    maxAmount: null,
    maxPercent: null,
    minTenureMonths: 0,
    description: 'Move the account to another published plan at no fee. No credit or discount is attached.',
  },
];
