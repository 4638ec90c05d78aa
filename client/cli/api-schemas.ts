import { z } from 'zod';

/** The API's responses as the CLI relies on them: anything else is reported as an unexpected response. */

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.string()).optional() }),
});

export const pendingApprovalSchema = z.object({
  workflowId: z.string().min(1),
  deviceId: z.string().min(1),
  alertType: z.string(),
  action: z.string().min(1),
  destructive: z.boolean(),
  // A percentage, as the diagnosis prompt asks the model for it (domain/fault/alert.ts), not a 0-1 probability.
  diagnosis: z.object({ summary: z.string(), confidence: z.number().min(0).max(100) }),
  rule: z.string(),
  // Null until the first approval page has gone out.
  requestedAt: z.string().nullish(),
  deadline: z.string().nullish(),
  approvers: z.array(z.string()).optional(),
  pagedTier: z.number().nullish(),
  // What a signed decision binds to; absent from APIs older than signed decisions.
  runId: z.string().optional(),
  subject: z.string().nullish(),
});
export type PendingApproval = z.infer<typeof pendingApprovalSchema>;

export const pendingListSchema = z.object({ items: z.array(pendingApprovalSchema) });

export const approvalReplySchema = z.object({
  workflowId: z.string(),
  decision: z.enum(['approve', 'reject']),
  approver: z.string().min(1),
  counted: z.boolean(),
  reason: z.string(),
});
export type ApprovalReply = z.infer<typeof approvalReplySchema>;

export const ticketStartedSchema = z.object({ workflowId: z.string(), ticketId: z.string() });
export const sweepStartedSchema = z.object({ workflowId: z.string() });

/** Just what the approve command needs from GET /faults/:id; the rest is shown as it is elsewhere. */
export const faultStatusSchema = z.object({
  workflowId: z.string(),
  /** Whether the pending action is destructive, by the API's catalogue; absent from APIs older than it. */
  destructive: z.boolean().nullish(),
  pending: z
    .object({
      waiting: z.boolean().optional(),
      action: z.string().nullable(),
      deviceId: z.string(),
      deferredUntil: z.string().nullable(),
      runId: z.string().optional(),
      subject: z.string().nullish(),
    })
    .nullish(),
});

/** Status documents are shown to the engineer as they are, so only their being an object is checked. */
export const jsonObjectSchema = z.record(z.string(), z.unknown());

export const acmaReportSchema = z.looseObject({ verdict: z.enum(['PASS', 'FAIL', 'PENDING', 'PENDING_REVIEW']) });

export const acmaRunSchema = z.object({ workflowId: z.string(), started: z.boolean() });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  rows: z.number().int().min(0),
  firstBadSeq: z.number().int().nullish(),
  reason: z.string().nullish(),
  // Each problem with its seq range, and the external anchors compared; optional for APIs older than anchoring.
  problems: z
    .array(z.object({ kind: z.string(), fromSeq: z.number().int(), toSeq: z.number().int(), detail: z.string() }))
    .optional(),
  anchors: z.object({ checked: z.number().int(), latestSeq: z.number().int().nullable() }).optional(),
});
export type AuditVerification = z.infer<typeof auditVerifySchema>;
