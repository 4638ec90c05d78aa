import type { Pool } from 'pg';
import { registerDecisionKey } from '../../activities/decisions/registry';
import { generateSigningKey } from '../../activities/decisions/signing';
import { signFaultVerdict } from '../../client/decisions';

/**
 * A fault decision as an on-call engineer makes one: a key of their own, registered by an administrator (the owner's
 * pool), and a statement bound to the run and action the fault waits on.
 */
export async function signedFaultDecision(
  pool: Pool,
  identity: string,
  workflowId: string,
  pending: { runId: string; subject: string | null },
  verdict: { decision: 'approve' | 'reject'; reason: string; emergency?: boolean },
) {
  if (!pending.subject) throw new Error(`${workflowId} is not waiting on an action`);
  const key = generateSigningKey();
  await registerDecisionKey(pool, {
    identity,
    role: 'oncall',
    publicKeyBase64: key.publicKeyBase64,
    registeredBy: 'test',
  });
  return signFaultVerdict(key, identity, workflowId, { runId: pending.runId, subject: pending.subject }, verdict);
}
