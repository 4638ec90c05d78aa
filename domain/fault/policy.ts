import { z } from 'zod';

/** Fault-handling rules and waits, resolved from config by the client and frozen into the workflow's input. */
export const faultPolicySchema = z.object({
  /** Act without a person only on a non-destructive action at or above this confidence (0-100). */
  autoExecuteConfidence: z.number().min(0).max(100).default(80),
  businessHoursStart: z.number().int().min(0).max(23).default(8),
  businessHoursEnd: z.number().int().min(1).max(24).default(18),
  /** Local hour at which deferred work runs: the start of the nightly maintenance window. */
  maintenanceWindowStartHour: z.number().int().min(0).max(23).default(22),
  reminderIntervalMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** How long one roster tier has before the next tier is paged. */
  tierDeadlineMs: z
    .number()
    .int()
    .positive()
    .default(30 * 60_000),
  /** After this, no action is taken: the safe stop. */
  finalDeadlineMs: z
    .number()
    .int()
    .positive()
    .default(2 * 3_600_000),
  /** Wait after acting before re-reading the metric. */
  settleMs: z.number().int().nonnegative().default(60_000),
  modelCallTimeoutMs: z.number().int().positive().default(30_000),
  /** Overriding the maintenance window: this many distinct roster approvers declaring an emergency... */
  emergencyApprovers: z.number().int().min(1).max(5).default(2),
  /** ...or one emergency approver from this roster tier or above (tier 2 is the secondary on-call). */
  emergencyMinTier: z.number().int().min(1).default(2),
});
export type FaultPolicy = z.infer<typeof faultPolicySchema>;
export type FaultPolicyInput = z.input<typeof faultPolicySchema>;
