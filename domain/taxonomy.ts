import { z } from 'zod';
import { departmentSchema } from './ticket';

export const taxonomyIntentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  department: departmentSchema,
  /** High-stakes intents always go to a human (000: suspension, closure, settlement, fraud). */
  stakes: z.enum(['normal', 'high']),
  /** The message is too vague to answer; ask the customer one question first. */
  clarify: z.boolean().default(false),
  description: z.string(),
});
export const taxonomySchema = z.object({
  version: z.string(),
  intents: z.array(taxonomyIntentSchema).min(1),
});
export type TaxonomyIntent = z.infer<typeof taxonomyIntentSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
