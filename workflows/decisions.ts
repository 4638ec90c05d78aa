import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { buildDecisionSchemas, type DecisionCheck, type DecisionExpectation } from '../domain/decision-statement';
import { firstIssueLine } from '../domain/zod-issues';
import { retryPolicy } from './retry';

const checks = proxyActivities<Activities>({
  startToCloseTimeout: '20s',
  retry: retryPolicy(),
});

/**
 * Decisions are signed from this patch on. Asked where a decision arrives, not at the start of a run, so a run that
 * was already waiting when this code was deployed checks signatures on the decisions that reach it from then on,
 * while histories recorded before it replay with the decisions they took.
 */
export const signedDecisions = (): boolean => patched('signed-decisions');

/** The verdict on a submitted decision, from the activity that holds the keys: in history either way. */
export function verifyDecision(
  submitted: unknown,
  expected: DecisionExpectation,
  receivedAt: Date,
): Promise<DecisionCheck> {
  return checks.verifyDecision.executeWithOptions({ summary: `Verify a signed ${expected.kind} decision` }, [
    { submitted, expected, receivedAt: receivedAt.toISOString() },
  ]);
}

/** Built by the first decision this workflow receives (see buildDecisionSchemas), then kept for the run. */
let signedShape: ReturnType<typeof buildDecisionSchemas>['signed'] | undefined;

/**
 * Update validators reject only what is not a signed decision at all, before it reaches history. Anything shaped
 * like one is accepted and verified, so a forgery's refusal stays in history for auditors.
 */
export function requireSignedShape(input: unknown): void {
  signedShape ??= buildDecisionSchemas().signed;
  const parsed = signedShape.safeParse(input);
  if (!parsed.success) {
    throw new TypeError(`not a signed decision: ${firstIssueLine(parsed.error, { root: '(input)' })}`);
  }
}
