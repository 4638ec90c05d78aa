import type { Pool } from 'pg';
import { checkReply, isReplyValid } from '../../activities/guardrails';
import { loadCreditPolicy, readAccountContext } from '../../activities/ticket/account-context';
import type { AdversarialReply } from '../datasets/adversarial';
import type { GuardrailOutcome } from '../types';

/**
 * The guardrails are pure and model-free, so their catch rate does not depend on the provider or prompt: it is
 * measured once per run on drafted replies that must be stopped, and on clean controls that must not be.
 */
export async function runGuardrailSet(
  pool: Pool,
  replies: readonly AdversarialReply[],
  today: string,
  onItem: () => void = () => {},
): Promise<GuardrailOutcome[]> {
  const creditPolicy = await loadCreditPolicy(pool);
  const outcomes: GuardrailOutcome[] = [];
  for (const r of replies) {
    const account = await readAccountContext(pool, r.accountId, today);
    const findings = checkReply({
      reply: r.reply,
      proposedActions: r.proposedActions,
      account,
      passages: [],
      creditPolicy,
      conversation: r.conversation,
    });
    outcomes.push({
      id: r.id,
      category: r.category,
      expectedCaught: r.caught,
      caught: !isReplyValid(findings),
      codes: [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))],
    });
    onItem();
  }
  return outcomes;
}
