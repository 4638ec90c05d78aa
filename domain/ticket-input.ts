import { z } from 'zod';

/**
 * The ticket schemas a running workflow parses: its arguments, an agent's decision and a customer's reply. They live
 * apart from the rest of the ticket's schemas (domain/ticket.ts, which re-exports them) because the SDK builds every
 * module a workflow imports again for each workflow, and the result, draft and classification schemas, which only
 * clients and activities parse, cost a cached workflow about 100 KB it never used.
 */

export const channelSchema = z.enum(['chat', 'email', 'ivr']);

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const ticketInputSchema = z
  .object({
    ticketId: z.string().regex(idPattern, 'ticketId must be 1-64 letters, digits, ".", "_", ":" or "-"'),
    accountId: z.string().regex(idPattern, 'accountId must be 1-64 letters, digits, ".", "_", ":" or "-"'),
    channel: channelSchema,
    message: z
      .string()
      .trim()
      .min(1, 'message must not be empty')
      .max(8000, 'message must be at most 8,000 characters'),
    locale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'locale must look like "en" or "en-AU"')
      .optional(),
  })
  .strict();
export type TicketInput = z.infer<typeof ticketInputSchema>;

/** When a ticket's draft is asked again of the strong model (000: a larger model where stakes demand). */
export const strongModelTriggers = ['low_confidence', 'high_stakes', 'guardrail_failed'] as const;
export type StrongModelTrigger = (typeof strongModelTriggers)[number];

/** Thresholds and waits, resolved from config by the client and frozen into the workflow's input. */
export const ticketPolicySchema = z
  .object({
    sendThreshold: z.number().min(0).max(1),
    reviewThreshold: z.number().min(0).max(1),
    reviewDeadlineMs: z.number().int().positive(),
    clarificationTimeoutMs: z.number().int().positive(),
    maxClarifications: z.number().int().min(0).max(3),
    knowledgeTopK: z.number().int().min(1).max(10),
    // Defaults keep histories recorded before these fields existed replayable.
    modelCallTimeoutMs: z.number().int().positive().default(30_000),
    strongModelOn: z.array(z.enum(strongModelTriggers)).default([]),
    strongModelBelow: z.number().min(0).max(1).default(0.85),
    /** Why nothing is sent automatically (no calibration for the model); routing adds it to the route's reasons. */
    sendOffReason: z.string().max(1000).optional(),
  })
  .refine((p) => p.reviewThreshold <= p.sendThreshold, 'reviewThreshold must not exceed sendThreshold');
export type TicketPolicy = z.infer<typeof ticketPolicySchema>;
/** What callers send: fields added after the first release may be omitted and take their defaults. */
export type TicketPolicyInput = z.input<typeof ticketPolicySchema>;

export const resolveTicketArgsSchema = z.object({ ticket: ticketInputSchema, policy: ticketPolicySchema });
export type ResolveTicketArgs = z.input<typeof resolveTicketArgsSchema>;

export const agentDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'edit', 'reject']),
    agentId: z.string().regex(idPattern, 'agentId must be an id'),
    editedReply: z.string().trim().min(1).max(4000).optional(),
    note: z.string().max(1000).optional(),
  })
  .refine((d) => d.decision !== 'edit' || d.editedReply !== undefined, 'an edit needs editedReply');
export type AgentDecision = z.infer<typeof agentDecisionSchema>;

/**
 * What an agent's edited reply may not carry, whoever signed it: another customer's contact details or account
 * (`foreign_personal_data`) and card numbers, keys or passwords (`secret_leak`), the privacy guardrail's error codes.
 * An edit with one of these is never sent; the ticket escalates. Other error findings on an edit (an amount the
 * knowledge base does not state, a credit above policy, tone) are recorded for the audit but do not block: the agent
 * has signed for the text and answers for its judgement, which is what review is for.
 */
export const editBlockingCodes: readonly string[] = ['foreign_personal_data', 'secret_leak'];

export const customerReplySchema = z.object({ message: ticketInputSchema.shape.message }).strict();
export type CustomerReply = z.infer<typeof customerReplySchema>;
