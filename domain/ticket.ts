import { z } from 'zod';
import { modelCallRecordSchema } from './model-call';

export * from './ticket-input';

/** Departments from the seed's routing prompt plus ACCOUNT; intents refine them (see prompts/ticket/taxonomy.json). */
export const departments = ['BILLING', 'TECHNICAL', 'SALES', 'COMPLAINT', 'ACCOUNT', 'OTHER'] as const;
export const departmentSchema = z.enum(departments);
export type Department = z.infer<typeof departmentSchema>;

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

/** A signed decision that did not count, and why: kept on the result for auditors. */
export const ignoredDecisionSchema = z.object({ agentId: z.string(), reason: z.string() });
export type IgnoredDecision = z.infer<typeof ignoredDecisionSchema>;

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
