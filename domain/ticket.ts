import { z } from 'zod';
import { modelCallRecordSchema } from './model-call';

/** Departments from the seed's routing prompt plus ACCOUNT; intents refine them (see prompts/ticket/taxonomy.json). */
export const departments = ['BILLING', 'TECHNICAL', 'SALES', 'COMPLAINT', 'ACCOUNT', 'OTHER'] as const;
export const departmentSchema = z.enum(departments);
export type Department = z.infer<typeof departmentSchema>;

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

export const classificationSchema = z.object({
  intent: z.string().min(1),
  secondaryIntent: z.string().min(1).nullable(),
  department: departmentSchema,
  confidence: z.number().min(0).max(1),
  reason: z.string().max(500),
  needsClarification: z.boolean(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const proposedActionSchema = z.object({
  type: z.enum(['refund_duplicate_charge', 'goodwill_credit', 'discount', 'plan_change', 'waive_fee', 'none']),
  amount: z.number().nonnegative().optional(),
  percent: z.number().min(0).max(100).optional(),
  reference: z.string().max(64).optional(),
});
export type ProposedAction = z.infer<typeof proposedActionSchema>;

export const draftSchema = z.object({
  reply: z.string().min(1).max(4000),
  confidence: z.number().min(0).max(1),
  escalationRequired: z.boolean(),
  citedPassageIds: z.array(z.string()).max(10),
  proposedActions: z.array(proposedActionSchema).max(5),
});
export type Draft = z.infer<typeof draftSchema>;

export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  detail: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const routes = ['send', 'review', 'escalate', 'clarify'] as const;
export type Route = (typeof routes)[number];

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

/** A signed decision that did not count, and why: kept on the result for auditors. */
export const ignoredDecisionSchema = z.object({ agentId: z.string(), reason: z.string() });
export type IgnoredDecision = z.infer<typeof ignoredDecisionSchema>;

export const customerReplySchema = z.object({ message: ticketInputSchema.shape.message }).strict();
export type CustomerReply = z.infer<typeof customerReplySchema>;

export const ticketStages = [
  'received',
  'loading_context',
  'classifying',
  'awaiting_customer',
  'retrieving',
  'drafting',
  'validating',
  'awaiting_agent',
  'dispatching',
  'completed',
] as const;
export type TicketStage = (typeof ticketStages)[number];

export type TicketOutcome = 'replied' | 'agent_replied' | 'escalated';

export const ticketResultSchema = z.object({
  ticketId: z.string(),
  outcome: z.enum(['replied', 'agent_replied', 'escalated']),
  route: z.enum(routes),
  routeReasons: z.array(z.string()),
  intent: z.string(),
  secondaryIntent: z.string().nullable(),
  department: departmentSchema,
  /** Classification confidence; routing uses the lower of this and replyConfidence. */
  confidence: z.number(),
  replyConfidence: z.number().nullable(),
  reply: z.string().nullable(),
  findings: z.array(findingSchema),
  clarifications: z.number().int(),
  agent: z
    .object({
      agentId: z.string(),
      decision: z.string(),
      /** An edit's own guardrail findings (the draft's are in findings); absent for approve and reject. */
      editFindings: z.array(findingSchema).optional(),
    })
    .nullable(),
  /** Signed decisions that did not count (refused by the verifier, late or second); absent before signing. */
  ignoredDecisions: z.array(ignoredDecisionSchema).optional(),
  modelCalls: z.array(modelCallRecordSchema),
  /** Sum over modelCalls: what this ticket cost in model usage. */
  costUsd: z.number(),
});
export type TicketResult = z.infer<typeof ticketResultSchema>;

export interface TicketStatus {
  ticketId: string;
  /** The run a signed review decision must name. */
  runId: string;
  stage: TicketStage;
  route: Route | null;
  intent: string | null;
  confidence: number | null;
  pendingQuestion: string | null;
  draftReply: string | null;
  /** The draft an agent decides on once the stage is awaiting_agent: approve and reject sign its hash. */
  reviewDraft: string | null;
  findings: Finding[];
}
