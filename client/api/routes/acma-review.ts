import { WorkflowUpdateFailedError } from '@temporalio/client';
import { z } from 'zod';
import { contentSubject } from '../../../activities/decisions/signing';
import { correctionsSchema } from '../../../domain/compliance/facts';
import type { DecisionOutcome, SignedDecision } from '../../../domain/decisions';
import { createComplianceClient } from '../../compliance';
import type { ApiContext } from '../context';
import { decisionDeadlineMs, inTime } from '../deadline';
import { ApiError, conflict } from '../errors';
import { relayedDecision, signAsPrincipal } from '../issuer';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';

const runParams = z
  .object({ workflowId: z.string().regex(/^acma-[A-Za-z0-9._:-]{1,200}$/, 'an ACMA report workflow id') })
  .strict();

/** Either corrections for the API to sign for the key's identity, or a decision the reviewer signed with their key. */
const reviewBody = z
  .object({
    corrections: correctionsSchema.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    signed: z.unknown().optional(),
  })
  .strict()
  .refine((b) => (b.corrections === undefined) !== (b.signed === undefined) && !(b.signed && b.reason), {
    message: 'send either corrections (and an optional reason) or signed',
  });

const outcomeSchema = z.object({
  workflowId: z.string(),
  counted: z.boolean(),
  reason: z.string(),
  reviewer: z.string(),
});

/** Refusals that say the review came too late, as opposed to one that is wrong in itself. */
const tooLate = /^(too late|a review by \S+ already counted)/;

export function acmaReviewRoute(context: ApiContext): ApiRoute {
  const compliance = createComplianceClient({ client: context.client, taskQueue: context.config.TEMPORAL_TASK_QUEUE });
  return defineRoute({
    method: 'POST',
    url: '/reports/acma/runs/:workflowId/review',
    summary: "A compliance reviewer's confirmation of a report's questioned figures",
    description:
      'The reviewer is the identity of your API key: send `corrections` for the API to sign for you, or `signed`, a ' +
      'decision you signed with your own key for that identity. The run counts the first valid review.',
    tags: ['reports'],
    params: runParams,
    body: reviewBody,
    identityFromKey: true,
    status: 202,
    responses: {
      202: { description: 'The review counted', schema: outcomeSchema },
      403: { description: 'A signed decision for another identity' },
      404: { description: 'No such report run' },
      409: { description: 'The run is not waiting for a review, or another review already counted' },
      422: { description: 'The review was verified and refused: the reason says why' },
      503: { description: 'No worker took the review in time; retry later' },
    },
    handler: async ({ params, body, principal }) => {
      const who = requirePrincipal(principal);
      const reviewer = who.identity;
      const status = await inTime(context, `report run ${params.workflowId}`, () =>
        compliance.status(params.workflowId),
      );
      if (!status.waitingForReview) throw conflict('not_awaiting_review', 'this report is not waiting for a review');
      const signed: SignedDecision =
        body.signed !== undefined
          ? relayedDecision(body.signed, reviewer, 'decision')
          : signAsPrincipal(context, who, {
              kind: 'acma_review',
              workflowId: params.workflowId,
              runId: status.runId,
              subject: contentSubject(body.corrections ?? []),
              decision: 'confirm',
              reason: body.reason ?? 'confirmed through the API',
              payload: { corrections: body.corrections ?? [] },
            });
      const outcome = await decide(params.workflowId, signed);
      context.metrics.decision('acma_review', outcome.counted ? 'confirm' : 'refused');
      if (!outcome.counted) {
        throw new ApiError(tooLate.test(outcome.reason) ? 409 : 422, 'review_refused', outcome.reason);
      }
      return { workflowId: params.workflowId, counted: true, reason: outcome.reason, reviewer };
    },
  });

  async function decide(workflowId: string, signed: SignedDecision): Promise<DecisionOutcome> {
    try {
      return await inTime(
        context,
        `report run ${workflowId}`,
        () => compliance.decideReview(workflowId, signed),
        decisionDeadlineMs,
      );
    } catch (error) {
      // The update's validator refused it before history: not a signed decision at all.
      if (error instanceof WorkflowUpdateFailedError) throw new ApiError(400, 'invalid_decision', error.message);
      throw error;
    }
  }
}
