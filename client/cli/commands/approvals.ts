import type { ApiClient } from '../api-client';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';
import { formatPending } from '../format';
import { confirm } from '../io';

export async function listApprovals(ctx: CliContext, options: { json?: boolean }): Promise<ExitCode> {
  const items = await ctx.api().pendingApprovals();
  ctx.io.stdout.write(options.json ? `${JSON.stringify(items, null, 2)}\n` : formatPending(items, ctx.now()));
  return ExitCode.ok;
}

export interface ApproveOptions {
  reason?: string;
  emergency?: boolean;
  yes?: boolean;
}

interface Target {
  what: string;
  destructive: boolean;
}

/**
 * The prompt has to name the action and device, and whether it is destructive is the API's call, not the engineer's
 * memory of it. An emergency approval may also cut short an action already approved but deferred to its window: that
 * fault is no longer pending, and running it now is treated as destructive.
 */
async function findTarget(api: ApiClient, workflowId: string, emergency: boolean): Promise<Target> {
  const pending = (await api.pendingApprovals()).find((item) => item.workflowId === workflowId);
  if (pending) return { what: `${pending.action} on ${pending.deviceId}`, destructive: pending.destructive };
  if (emergency) {
    const fault = await api.faultStatus(workflowId);
    const deferred = fault.pending;
    if (deferred?.deferredUntil && deferred.action) {
      return {
        what: `${deferred.action} on ${deferred.deviceId} now, not at ${deferred.deferredUntil}`,
        destructive: true,
      };
    }
  }
  throw new CliError(ExitCode.notFound, `${workflowId} is not waiting for approval`, [
    'switchboard approvals list shows the faults that are',
  ]);
}

export async function approveFault(ctx: CliContext, workflowId: string, options: ApproveOptions): Promise<ExitCode> {
  const api = ctx.api();
  const { what, destructive } = await findTarget(api, workflowId, options.emergency === true);
  if (destructive && !options.yes) {
    if (!ctx.io.interactive) {
      throw new CliError(ExitCode.confirmation, `approving ${what} is destructive and needs confirmation`, [
        'run it at a terminal to answer the prompt, or pass --yes',
      ]);
    }
    if (!(await confirm(ctx.io, `Approve ${what}?`))) {
      ctx.io.stderr.write('Not approved.\n');
      return ExitCode.confirmation;
    }
  }
  const reply = await api.decide(workflowId, {
    decision: 'approve',
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.emergency ? { emergency: true } : {}),
  });
  ctx.io.stdout.write(`Approved ${what} (${reply.workflowId}) as ${reply.approver}.\n`);
  return ExitCode.ok;
}

/** Rejecting changes nothing on the network, so it asks no question; the reason is what the next shift reads. */
export async function rejectFault(ctx: CliContext, workflowId: string, options: { reason: string }): Promise<ExitCode> {
  const reply = await ctx.api().decide(workflowId, { decision: 'reject', reason: options.reason });
  ctx.io.stdout.write(`Rejected ${reply.workflowId} as ${reply.approver}.\n`);
  return ExitCode.ok;
}
