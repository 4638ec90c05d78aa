import { existsSync } from 'node:fs';
import type { ApiClient, Decision } from '../api-client';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';
import { formatPending } from '../format';
import { confirm } from '../io';
import { loadKeyFile } from '../signing-key';
import { awaitedDecision, signFaultDecision } from './approvals-sign';

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
  // The one fault, not the pending list: no visibility scan and no query to every waiting fault.
  const { pending, destructive } = await api.faultStatus(workflowId);
  if (pending?.waiting && pending.action) {
    return { what: `${pending.action} on ${pending.deviceId}`, destructive: destructive ?? true };
  }
  if (emergency && pending?.deferredUntil && pending.action) {
    return { what: `${pending.action} on ${pending.deviceId} now, not at ${pending.deferredUntil}`, destructive: true };
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
  const verdict = { decision: 'approve' as const, reason: options.reason, emergency: options.emergency === true };
  const reply = await api.decide(workflowId, await decisionFor(ctx, workflowId, verdict));
  ctx.io.stdout.write(`Approved ${what} (${reply.workflowId}) as ${reply.approver}: ${reply.reason}.\n`);
  return ExitCode.ok;
}

/**
 * With a decision key on this machine the decision is signed here, with the engineer's own key; without one the API
 * signs it for the identity of the API key. Either way the fault verifies it and says at once whether it counted.
 */
async function decisionFor(
  ctx: CliContext,
  workflowId: string,
  verdict: { decision: 'approve' | 'reject'; reason?: string; emergency: boolean },
): Promise<Decision> {
  if (!existsSync(ctx.signingKeyPath)) {
    const { decision, reason, emergency } = verdict;
    return { decision, ...(reason ? { reason } : {}), ...(emergency ? { emergency } : {}) };
  }
  const file = loadKeyFile(ctx.signingKeyPath);
  const target = await awaitedDecision(ctx.api(), workflowId);
  const reason = verdict.reason ?? `${verdict.decision === 'approve' ? 'approved' : 'rejected'} with the CLI`;
  return { signed: signFaultDecision(ctx, file, workflowId, target, { ...verdict, reason }) };
}

/** Rejecting changes nothing on the network, so it asks no question; the reason is what the next shift reads. */
export async function rejectFault(ctx: CliContext, workflowId: string, options: { reason: string }): Promise<ExitCode> {
  const verdict = { decision: 'reject' as const, reason: options.reason, emergency: false };
  const reply = await ctx.api().decide(workflowId, await decisionFor(ctx, workflowId, verdict));
  ctx.io.stdout.write(`Rejected ${reply.workflowId} as ${reply.approver}: ${reply.reason}.\n`);
  return ExitCode.ok;
}
