import type { Pool } from 'pg';
import { registerDecisionKey } from '../../activities/decisions/registry';
import { generateSigningKey, type SigningKey } from '../../activities/decisions/signing';
import { signFaultVerdict, signTicketReview } from '../../client/decisions';
import type { ReviewVerdict, TicketClient } from '../../client/tickets';
import type { DeciderRole } from '../../domain/decisions';
import type { DemoPerson } from '../../scripts/demo/keys';

/** A person's own key, registered in PostgreSQL by an administrator (the owner's pool), as a deployment would. */
export async function registeredKey(pool: Pool, identity: string, role: DeciderRole): Promise<SigningKey> {
  const key = generateSigningKey();
  await registerDecisionKey(pool, { identity, role, publicKeyBase64: key.publicKeyBase64, registeredBy: 'test' });
  return key;
}

/** A fault decision as an on-call engineer makes one, bound to the run and action the fault waits on. */
export async function signedFaultDecision(
  pool: Pool,
  identity: string,
  workflowId: string,
  pending: { runId: string; subject: string | null },
  verdict: { decision: 'approve' | 'reject'; reason: string; emergency?: boolean },
) {
  if (!pending.subject) throw new Error(`${workflowId} is not waiting on an action`);
  const key = await registeredKey(pool, identity, 'oncall');
  return signFaultVerdict(key, identity, workflowId, { runId: pending.runId, subject: pending.subject }, verdict);
}

const agentKeys = new Map<string, Promise<SigningKey>>();

/** An agent's decision on the draft under review, signed with a key registered for them (once per test process). */
export async function signedAgentDecision(
  pool: Pool,
  tickets: Pick<TicketClient, 'reviewToSign'>,
  ticketId: string,
  agentId: string,
  verdict: ReviewVerdict,
) {
  let key = agentKeys.get(agentId);
  if (!key) agentKeys.set(agentId, (key = registeredKey(pool, agentId, 'agent')));
  return signTicketReview(tickets, ticketId, verdict, agentId, await key);
}

/** A person with a registered key, in the shape the demo's scripts take. */
export async function registeredPerson(pool: Pool, identity: string, role: DeciderRole): Promise<DemoPerson> {
  return { identity, role, path: '(in memory)', key: await registeredKey(pool, identity, role) };
}
