import { Context } from '@temporalio/activity';
import type { Pool } from 'pg';
import { z } from 'zod';
import { decisionKinds, type DecisionCheck } from '../../domain/decisions';
import { activityDecisionKey, appendDecision, automatic, personActor } from '../audit/decisions';
import { parseInput } from '../boundary';
import { consumeNonce, findDecisionKey } from './registry';
import { checkDecision } from './verify';
import { callerRef } from '../caller';

const verifyInput = z.object({
  /** Exactly what arrived in the signal or update: the verifier, not the workflow, decides what it is. */
  submitted: z.unknown(),
  expected: z.object({
    kind: z.enum(decisionKinds),
    workflowId: z.string().min(1).max(255),
    runId: z.string().min(1).max(64),
    subject: z.string().max(300).nullable(),
    draftText: z.string().max(20_000).optional(),
  }),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type VerifyDecisionInput = z.input<typeof verifyInput>;

export interface DecisionActivityDeps {
  pool: Pool;
}

export function createDecisionActivities({ pool }: DecisionActivityDeps) {
  return {
    /**
     * Verifies a human decision against the keys in PostgreSQL and what the workflow expects. The verdict, valid or
     * refused with its reason, is this activity's result (so it is in history) and a row in the audit trail.
     */
    async verifyDecision(input: VerifyDecisionInput): Promise<DecisionCheck> {
      const { submitted, expected, receivedAt } = parseInput(verifyInput, input, 'verifyDecision');
      const info = Context.current().info;
      const usedBy = `${callerRef()}/${info.activityId}`;
      const check = await checkDecision(submitted, expected, new Date(receivedAt), {
        findKey: (keyId) => findDecisionKey(pool, keyId),
        consumeNonce: (nonce, keyId) => consumeNonce(pool, { nonce, keyId, workflowId: expected.workflowId, usedBy }),
      });
      const action = check.valid ? 'decision.verified' : 'decision.refused';
      await appendDecision(pool, {
        action,
        actor: check.valid ? personActor(check.role, check.identity) : automatic,
        details: check.valid
          ? {
              kind: check.kind,
              runId: expected.runId,
              decision: check.decision,
              emergency: check.emergency,
              keyId: check.keyId,
              via: check.via,
            }
          : {
              kind: expected.kind,
              runId: expected.runId,
              refusal: check.refusal.slice(0, 200),
              claimedIdentity: check.claimedIdentity,
              decision: check.decision,
            },
        ...activityDecisionKey(action),
      });
      return check;
    },
  };
}

export type DecisionActivities = ReturnType<typeof createDecisionActivities>;
