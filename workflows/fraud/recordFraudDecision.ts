import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { AnalystDecision } from '../../activities/fraud';
import { fraudSubject } from '../../domain/decision-statement';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { workflowNow } from '../clock';
import { signedDecisions, verifyDecision } from '../decisions';
import { retryPolicy } from '../retry';

// The SDK's own backoff (1 s doubling to 100 s), never for what retrying cannot fix.
const backend = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: retryPolicy('100s') });

/** The flag decided on, and the analyst's signed verdict on it: `unknown` until the verifier says what it is. */
export interface FraudDecisionInput {
  signed: unknown;
  sweepDate: string;
  accountId: string;
}

export interface FraudDecisionResult {
  /** False when the verdict was refused: nothing changed, and `refusal` says why. */
  recorded: boolean;
  decision: string | null;
  /** The verified identity of the analyst, never a name from the input. */
  analyst: string | null;
  updated: boolean;
  allowlisted: number;
  refusal?: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const accountPattern = /^\d{1,18}$/;

/**
 * An analyst's verdict as a workflow of its own. It counts only once the verifier has checked the signature, the
 * analyst's key and role, and that it was signed for exactly this account and sweep date; a refusal is in history
 * (the verifier's result) and the audit trail, and changes nothing.
 */
export async function recordFraudDecision(input: FraudDecisionInput | AnalystDecision): Promise<FraudDecisionResult> {
  // Only a run recorded before signing sees false here, with the old `{sweepDate, accountId, decision, analyst}`:
  // it replays as it ran. Every new run records the patch and takes the signed path, whatever its input says.
  if (!signedDecisions()) return legacy(input as AnalystDecision);
  const receivedAt = workflowNow();
  // Whatever arrived, so a malformed start completes with a refusal instead of failing its workflow task forever.
  const given: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const { sweepDate, accountId } = given;
  upsertSearchAttributes([{ key: sa.UseCase, value: 'fraud_decision' }]);
  const flagged =
    typeof sweepDate === 'string' &&
    isoDate.test(sweepDate) &&
    typeof accountId === 'string' &&
    accountPattern.test(accountId);
  if (!flagged) return refused('the flag must be an account id and a sweep date (YYYY-MM-DD)');
  // The old unsigned shape goes to the verifier as it is, so the refusal records whom it claimed to be.
  const submitted = 'signed' in given ? given.signed : given;
  const expected = { kind: 'fraud' as const, workflowId: workflowInfo().workflowId, runId: '*' };
  const check = await verifyDecision(
    submitted,
    { ...expected, subject: fraudSubject(accountId, sweepDate) },
    receivedAt,
  );
  if (!check.valid) return refused(check.refusal);
  const decision = check.decision as AnalystDecision['decision'];
  upsertSearchAttributes([
    { key: sa.Decision, value: decision },
    { key: sa.Approver, value: check.identity },
  ]);
  const summary = `Record ${decision.replace(/_/g, ' ')} for the flagged account`;
  const outcome = await backend.recordAnalystDecision.executeWithOptions({ summary }, [
    { sweepDate, accountId, decision, analyst: check.identity },
  ]);
  return { recorded: true, decision, analyst: check.identity, ...outcome };
}

function refused(refusal: string): FraudDecisionResult {
  // Findable by auditors (Decision = "refused"); no Approver, since nobody verified was behind it.
  upsertSearchAttributes([{ key: sa.Decision, value: 'refused' }]);
  return { recorded: false, decision: null, analyst: null, updated: false, allowlisted: 0, refusal };
}

/** Verbatim from before signing, so its commands match recorded histories. */
async function legacy(decision: AnalystDecision): Promise<FraudDecisionResult> {
  upsertSearchAttributes([
    { key: sa.UseCase, value: 'fraud_decision' },
    { key: sa.Decision, value: decision.decision },
    { key: sa.Approver, value: decision.analyst },
  ]);
  const summary = `Record ${decision.decision.replace(/_/g, ' ')} for the flagged account`;
  const outcome = await backend.recordAnalystDecision.executeWithOptions({ summary }, [decision]);
  return { recorded: true, decision: decision.decision, analyst: decision.analyst, ...outcome };
}
