import { condition, log, setHandler } from '@temporalio/workflow';
import type { DecisionOutcome } from '../../domain/decisions';
import { agentDecisionSchema } from '../../domain/ticket-input';
import { workflowNow } from '../clock';
import { requireSignedShape, signedDecisions, verifyDecision } from '../decisions';
import { agentDecisionSignal, reviewUpdate } from './messages';
import type { TicketReview } from './review';

/**
 * Agent decisions arrive as the `agentDecision` signal (the `temporal` CLI, the Web UI) or the `review` update (the
 * API and the client, which learn at once whether it counted). Registered before the workflow's first await, so a
 * decision that arrives early is kept: it waits for the review to open and is checked against the draft reviewed.
 */
export function acceptReviewDecisions(
  review: TicketReview,
  run: { workflowId: string; runId: string },
  /** The run took the local-steps patch, which came after signing: its decisions are signed without a patch check. */
  signedFromStart = false,
): void {
  const check = async (input: unknown): Promise<DecisionOutcome> => {
    // When it arrived, not when it was checked: an early decision is not expired by the wait for the draft.
    const receivedAt = workflowNow();
    await condition(() => review.readyToCheck);
    const outcome = review.apply(await verifyDecision(input, review.expectation(run), receivedAt));
    if (outcome.counted && review.decided?.decision === 'edit') await condition(() => review.editSettled);
    return review.editOutcome(outcome);
  };
  setHandler(agentDecisionSignal, async (input: unknown) => {
    if (signedFromStart || signedDecisions()) return void (await check(input));
    // Before signing, kept exactly as it ran, so histories recorded then replay with the decisions they took.
    const result = agentDecisionSchema.safeParse(input);
    if (!result.success) return log.warn('ignored malformed agent decision', { issues: result.error.issues.length });
    if (!review.receiveLegacy(result.data)) log.warn('ignored second agent decision', { agentId: result.data.agentId });
  });
  setHandler(reviewUpdate, check, { validator: requireSignedShape });
}
