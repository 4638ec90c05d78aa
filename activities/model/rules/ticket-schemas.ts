import { z } from 'zod';
import { draftSchema, proposedActionSchema, type Draft } from '../../../domain/ticket';

/**
 * The confidence a draft may keep when the customer's message gives instructions, claims authority or demands a
 * credit, or when the guardrails cannot read its language: at or under it, the ticket always reaches a person. The
 * draft prompt states the same figure (in its text, so the prompt's version hash covers it) and the offline composer
 * applies it to instructions and claimed authority; test/unit/requests/draft-rules-agree.test.ts holds the three
 * together. The composer answers a credit request differently: an agent reviews its holding reply, unflagged.
 */
export const injectionConfidenceCap = 0.5;

const a = proposedActionSchema.shape;
const d = draftSchema.shape;

/** The draft as the model is asked for it: actions and evidence first, then the reply, then how sure it is. */
export const draftWireSchema: z.ZodType<Draft> = z.object({
  proposedActions: z
    .array(
      z.object({
        type: a.type.describe('Only refund_duplicate_charge may be proposed; everything else is a person decision.'),
        amount: a.amount.describe(
          "The duplicate charge's amount in dollars, as listed in recentCharges (65 for $65.00).",
        ),
        percent: a.percent.describe('Percent off; never set by a draft, because discounts are decided by a person.'),
        reference: a.reference.describe("The duplicate charge's id exactly as listed in recentCharges."),
      }),
    )
    .max(5)
    .describe('Account actions the reply carries out; empty unless a duplicate charge is visible in recentCharges.'),
  citedPassageIds: d.citedPassageIds.describe('Ids of the knowledge passages the reply relies on, and only those.'),
  reply: d.reply.describe('The message to the customer: under 150 words, grounded in the facts and passages.'),
  escalationRequired: d.escalationRequired.describe('True when a person must act or decide before this is settled.'),
  confidence: d.confidence.describe('Probability the reply is correct, complete and safe to send unread (anchors).'),
});
