import type { Pool } from 'pg';
import { z } from 'zod';
import { parseInput } from '../boundary';
import { actorSchema } from './chain';
import { activityDecisionKey, appendDecision, decisionDetailsSchema } from './decisions';

/**
 * For decisions that exist only in workflow state (a fault rejected by on-call, a review that expired): the
 * workflow records them through this activity. Decisions that take effect in an activity are recorded there.
 */
export const recordDecisionInput = z.object({
  action: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'an action such as fault.rejection'),
  actor: actorSchema,
  details: decisionDetailsSchema.default({}),
});
export type RecordDecisionInput = z.input<typeof recordDecisionInput>;

export interface AuditActivityDeps {
  pool: Pool;
}

export function createAuditActivities({ pool }: AuditActivityDeps) {
  return {
    /** Recorded once per scheduled activity, however often it is retried. */
    async recordDecision(input: RecordDecisionInput): Promise<{ recorded: boolean }> {
      const decision = parseInput(recordDecisionInput, input, 'recordDecision');
      const recorded = await appendDecision(pool, { ...decision, ...activityDecisionKey(decision.action) });
      return { recorded };
    },
  };
}

export type AuditActivities = ReturnType<typeof createAuditActivities>;
