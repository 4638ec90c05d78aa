import { condition, setHandler } from '@temporalio/workflow';
import type { DecisionOutcome } from '../../domain/decisions';
import { workflowNow } from '../clock';
import { requireSignedShape, signedDecisions, verifyDecision } from '../decisions';
import { reviewSignal, reviewUpdate } from './messages';
import type { ReviewDesk } from './review-desk';

/**
 * A review arrives as the `review` signal (the `temporal` CLI, the Web UI) or the `review` update (the API, which
 * learns at once whether it counted). Either way it is held until the run knows which incidents it questions, then
 * verified: the subject the reviewer signed is the hash of the corrections, so none can be swapped in transit.
 */
export function acceptReviews(desk: ReviewDesk, run: { workflowId: string; runId: string }): void {
  const check = async (input: unknown): Promise<DecisionOutcome> => {
    const receivedAt = workflowNow();
    await condition(() => desk.readyToCheck);
    const expected = { kind: 'acma_review' as const, ...run, subject: null };
    return desk.apply(await verifyDecision(input, expected, receivedAt));
  };
  setHandler(reviewSignal, async (input: unknown) => {
    if (signedDecisions()) return void (await check(input));
    desk.receiveLegacy(input);
  });
  setHandler(reviewUpdate, check, { validator: requireSignedShape });
}
