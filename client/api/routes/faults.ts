import { z } from 'zod';
import { signedDecisionSchema } from '../../../domain/decisions';
import { alertSchema } from '../../../domain/fault/alert';
import { actionCatalog } from '../../../domain/fault/catalog';
import type { ApiContext } from '../context';
import { decisionDeadlineMs, inTime, workerUnavailable } from '../deadline';
import { ApiError, conflict } from '../errors';
import { signAsPrincipal } from '../issuer';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';
import type { PendingApproval } from '../../../workflows/fault/messages';
import { pendingFaultsRoute } from './fault-pending';

const faultParams = z
  .object({
    id: z.string().regex(/^fault-[A-Z0-9][A-Z0-9-]{1,40}-[a-z_]+$/, 'a fault workflow id: fault-<device>-<type>'),
  })
  .strict();

/** Either the API signs for the key's identity, or the engineer's own signed decision is relayed as it is. */
const approvalBody = z.union([
  z
    .object({
      decision: z.enum(['approve', 'reject']),
      reason: z.string().min(1).max(500).optional(),
      emergency: z.boolean().optional(),
    })
    .strict(),
  z.object({ signed: signedDecisionSchema }).strict(),
]);

export function faultRoutes(context: ApiContext): ApiRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/diagnose',
      summary: 'An alert from monitoring',
      description: 'Repeats of a running diagnosis (same device and alert type) join it instead of starting another.',
      tags: ['faults'],
      body: alertSchema,
      status: 202,
      responses: { 202: { description: 'Diagnosis started or joined', schema: z.object({ workflowId: z.string() }) } },
      handler: async ({ body }) => {
        const { workflowId } = await context.faults.reportAlert(body);
        context.metrics.workflowStarted('fault');
        return { workflowId };
      },
    }),
    pendingFaultsRoute(context),
    defineRoute({
      method: 'GET',
      url: '/faults/:id',
      summary: "A fault's stage, pending approval, and result once complete",
      tags: ['faults'],
      params: faultParams,
      responses: { 200: { description: 'The fault' }, 404: { description: 'No such fault' }, 503: workerUnavailable },
      handler: async ({ params }) =>
        inTime(context, `fault ${params.id}`, async () => {
          const description = await context.client.workflow.getHandle(params.id).describe();
          const execution = description.status.name;
          const [status, pending] = await Promise.all([
            context.faults.status(params.id),
            context.faults.pendingApproval(params.id),
          ]);
          const result = execution === 'COMPLETED' ? await context.faults.result(params.id) : undefined;
          // Whether the action waiting for a decision is destructive: the catalogue's word, so a CLI need not guess.
          const action = pending?.action as keyof typeof actionCatalog | null | undefined;
          const destructive = action ? (actionCatalog[action]?.destructive ?? true) : null;
          return { workflowId: params.id, execution, status, pending, destructive, ...(result ? { result } : {}) };
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/faults/:id/approval',
      summary: "An on-call engineer's approval or rejection",
      description:
        'The approver is the identity of your API key, and it must be on the device team’s roster. Send ' +
        '`{decision, reason, emergency}` for the API to sign with its issuer key, or `{signed}` made with your own ' +
        'key (`switchboard approvals sign`). The fault verifies it and answers at once whether it counted. ' +
        'An emergency overrides the maintenance window only with two approvers, or one from tier 2 or above.',
      tags: ['faults'],
      params: faultParams,
      body: approvalBody,
      identityFromKey: true,
      status: 202,
      responses: {
        202: {
          description: 'Delivered to the fault',
          schema: z.object({
            workflowId: z.string(),
            decision: z.string(),
            approver: z.string(),
            counted: z.boolean(),
            reason: z.string(),
          }),
        },
        403: { description: 'Not on this fault’s roster, or the fault refused the decision (the reason is given)' },
        404: { description: 'No such fault' },
        409: { description: 'The fault is not waiting for approval' },
        503: workerUnavailable,
      },
      handler: async ({ params, body, principal }) => {
        const who = requirePrincipal(principal);
        const approver = who.identity;
        const pending = await inTime(context, `fault ${params.id}`, () => context.faults.pendingApproval(params.id));
        // A deferred approval can still be cut short by an emergency, or vetoed by a reject, until it runs.
        if (!pending.waiting && pending.deferredUntil === null) {
          throw conflict('not_awaiting_approval', 'this fault is not waiting for a decision');
        }
        // The workflow would ignore it anyway; saying so here beats a 202 that silently changes nothing.
        if (!pending.approvers.includes(approver)) {
          throw new ApiError(403, 'not_on_roster', `${approver} is not on the on-call roster for this fault`);
        }
        const signed =
          'signed' in body ? body.signed : signAsPrincipal(context, who, apiDecision(params.id, pending, body));
        if (signed.statement.identity !== approver) {
          throw new ApiError(403, 'not_your_decision', `the decision is signed for ${signed.statement.identity}`);
        }
        const outcome = await inTime(
          context,
          `fault ${params.id}`,
          () => context.faults.decide(params.id, signed),
          decisionDeadlineMs,
        );
        context.metrics.decision('fault_approval', signed.statement.decision);
        if (!outcome.counted) throw new ApiError(403, 'decision_refused', outcome.reason);
        return {
          workflowId: params.id,
          decision: signed.statement.decision,
          approver,
          counted: true,
          reason: outcome.reason,
        };
      },
    }),
  ];
}

function apiDecision(
  workflowId: string,
  pending: PendingApproval,
  body: { decision: 'approve' | 'reject'; reason?: string; emergency?: boolean },
) {
  if (!pending.subject) throw conflict('not_awaiting_approval', 'this fault has no action to decide yet');
  return {
    kind: 'fault' as const,
    workflowId,
    runId: pending.runId,
    subject: pending.subject,
    decision: body.decision,
    emergency: body.decision === 'approve' && body.emergency === true,
    reason: body.reason ?? `${body.decision === 'approve' ? 'approved' : 'rejected'} through the API`,
  };
}
