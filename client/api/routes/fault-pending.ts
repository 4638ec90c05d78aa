import { z } from 'zod';
import { approvalRequestedAt } from '../../../activities/fault/pages';
import { actionCatalog } from '../../../domain/fault/catalog';
import type { PendingApproval } from '../../../workflows/fault/messages';
import type { ApiContext } from '../context';
import { defineRoute, type ApiRoute } from '../route';

const pendingItem = z.object({
  workflowId: z.string(),
  deviceId: z.string(),
  alertType: z.string(),
  action: z.string(),
  destructive: z.boolean(),
  diagnosis: z.object({ summary: z.string(), confidence: z.number() }),
  rule: z.string().describe('why this action needs a person'),
  requestedAt: z.string().nullable().describe('when the first approval page went out'),
  approvers: z.array(z.string()),
  pagedTier: z.number().nullable(),
  runId: z.string().describe('the run a signed decision must name'),
  subject: z.string().nullable().describe('what a signed decision must name: action@device'),
});

/** Bounded so one listing cannot fan out into thousands of queries. */
const maxListed = 200;

/**
 * What on-call engineers must decide. Visibility finds the running faults; each one's own pendingApproval query says
 * whether it is waiting. No deadline is listed: a workflow's policy is in its (encrypted) input, not in visibility.
 */
export function pendingFaultsRoute(context: ApiContext): ApiRoute {
  return defineRoute({
    method: 'GET',
    url: '/faults/pending',
    summary: 'Faults waiting for an on-call approval',
    tags: ['faults'],
    responses: { 200: { description: 'Waiting faults', schema: z.object({ items: z.array(pendingItem) }) } },
    handler: async () => {
      const ids: string[] = [];
      for await (const execution of context.client.workflow.list({
        // Decision='approval' is set when the workflow starts waiting for an engineer, so only candidates are queried.
        query: "UseCase='fault' AND ExecutionStatus='Running' AND Decision='approval'",
      })) {
        ids.push(execution.workflowId);
        if (ids.length >= maxListed) break;
      }
      const answers = await Promise.all(ids.map((id) => safePending(context, id)));
      const waiting = answers.filter((entry): entry is [string, PendingApproval] => entry[1]?.waiting === true);
      const requestedAt = await approvalRequestedAt(
        context.pool,
        waiting.map(([id]) => id),
      );
      return {
        items: waiting.map(([workflowId, pending]) => ({
          workflowId,
          deviceId: pending.deviceId,
          alertType: workflowId.slice(`fault-${pending.deviceId}-`.length),
          action: pending.action ?? '',
          destructive: actionCatalog[pending.action as keyof typeof actionCatalog]?.destructive ?? true,
          diagnosis: { summary: pending.diagnosis?.rootCause ?? '', confidence: pending.diagnosis?.confidence ?? 0 },
          rule: pending.why.join('; '),
          requestedAt: requestedAt.get(workflowId) ?? null,
          approvers: pending.approvers,
          pagedTier: pending.pagedTier,
          runId: pending.runId,
          subject: pending.subject,
        })),
      };
    },
  });
}

const queryDeadlineMs = 5_000;

/**
 * One fault that finished between the listing and its query is simply not pending. A query waits for a worker, so
 * one whose task queue has none (a worker fleet down, a test's queue) must not hold up the whole list.
 */
async function safePending(context: ApiContext, id: string): Promise<[string, PendingApproval | null]> {
  const answer = context.client
    .withDeadline(Date.now() + queryDeadlineMs, () => context.faults.pendingApproval(id))
    .catch(() => null);
  return [id, await answer];
}
