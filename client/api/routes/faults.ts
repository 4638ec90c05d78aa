import { z } from 'zod';
import { alertSchema, approvalSchema } from '../../../domain/fault/alert';
import type { ApiContext } from '../context';
import { ApiError, conflict } from '../errors';
import { defineRoute, requirePrincipal, type ApiRoute } from '../route';
import { pendingFaultsRoute } from './fault-pending';

const faultParams = z
  .object({
    id: z.string().regex(/^fault-[A-Z0-9][A-Z0-9-]{1,40}-[a-z_]+$/, 'a fault workflow id: fault-<device>-<type>'),
  })
  .strict();

const approvalBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: approvalSchema.shape.reason.optional(),
    emergency: z.boolean().optional(),
  })
  .strict();

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
      responses: { 200: { description: 'The fault' }, 404: { description: 'No such fault' } },
      handler: async ({ params }) => {
        const description = await context.client.workflow.getHandle(params.id).describe();
        const execution = description.status.name;
        const [status, pending] = await Promise.all([
          context.faults.status(params.id),
          context.faults.pendingApproval(params.id),
        ]);
        const result = execution === 'COMPLETED' ? await context.faults.result(params.id) : undefined;
        return { workflowId: params.id, execution, status, pending, ...(result ? { result } : {}) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/faults/:id/approval',
      summary: "An on-call engineer's approval or rejection",
      description:
        'The approver is the identity of your API key, and it must be on the device team’s roster. ' +
        'An emergency approval may also cut short an approved action deferred to its window.',
      tags: ['faults'],
      params: faultParams,
      body: approvalBody,
      identityFromKey: true,
      status: 202,
      responses: {
        202: {
          description: 'Delivered to the fault',
          schema: z.object({ workflowId: z.string(), decision: z.string(), approver: z.string() }),
        },
        403: { description: 'Your identity is not on this fault’s roster' },
        404: { description: 'No such fault' },
        409: { description: 'The fault is not waiting for approval' },
      },
      handler: async ({ params, body, principal }) => {
        const approver = requirePrincipal(principal).identity;
        const pending = await context.faults.pendingApproval(params.id);
        const emergencyOnDeferral = body.decision === 'approve' && body.emergency && pending.deferredUntil !== null;
        if (!pending.waiting && !emergencyOnDeferral) {
          throw conflict('not_awaiting_approval', 'this fault is not waiting for an approval');
        }
        // The workflow would ignore it anyway; saying so here beats a 202 that silently changes nothing.
        if (!pending.approvers.includes(approver)) {
          throw new ApiError(403, 'not_on_roster', `${approver} is not on the on-call roster for this fault`);
        }
        const approval = {
          approver,
          reason: body.reason ?? `${body.decision === 'approve' ? 'approved' : 'rejected'} through the API`,
          ...(body.emergency !== undefined ? { emergency: body.emergency } : {}),
        };
        if (body.decision === 'approve') await context.faults.approve(params.id, approval);
        else await context.faults.reject(params.id, approval);
        context.metrics.decision('fault_approval', body.decision);
        return { workflowId: params.id, decision: body.decision, approver };
      },
    }),
  ];
}
