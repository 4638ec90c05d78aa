import { faultSubject } from '../../../domain/decisions';
import { signFaultVerdict } from '../../decisions';
import type { ApiClient } from '../api-client';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';
import { loadKeyFile, type DecisionKeyFile } from '../signing-key';

export interface SignOptions {
  approve?: boolean;
  reject?: boolean;
  reason: string;
  emergency?: boolean;
  key?: string;
  runId?: string;
  action?: string;
  device?: string;
  validMinutes?: string;
}

/**
 * Prints a signed decision for `temporal workflow signal --input`, so the official CLI path stays open and safe:
 * the fault counts it only if it verifies against your registered key, this run and its recommended action.
 * The run and action come from the API unless given, so an engineer without API access can still sign.
 */
export async function signApproval(ctx: CliContext, workflowId: string, options: SignOptions): Promise<ExitCode> {
  if (options.approve === options.reject) throw new CliError(ExitCode.usage, 'pass exactly one of --approve, --reject');
  const minutes = Number(options.validMinutes ?? 15);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new CliError(ExitCode.usage, '--valid-minutes must be a whole number from 1 to 1440');
  }
  const decision = options.approve ? 'approve' : 'reject';
  const file = loadKeyFile(options.key ?? ctx.signingKeyPath);
  const target =
    options.runId && options.action && options.device
      ? { runId: options.runId, subject: faultSubject(options.action, options.device) }
      : await awaitedDecision(ctx.api(), workflowId);
  const signed = signFaultDecision(ctx, file, workflowId, target, {
    decision,
    reason: options.reason,
    emergency: options.emergency === true,
    lifetimeMs: minutes * 60_000,
  });
  ctx.io.stdout.write(`${JSON.stringify(signed)}\n`);
  ctx.io.stderr.write(
    `Signed ${decision} of ${target.subject} as ${file.role}:${file.identity}, valid ${minutes} min. Send it with:\n` +
      `  temporal workflow signal --workflow-id ${workflowId} --name ${decision} --input '<the JSON above>'\n`,
  );
  return ExitCode.ok;
}

export function signFaultDecision(
  ctx: CliContext,
  file: DecisionKeyFile,
  workflowId: string,
  target: { runId: string; subject: string },
  what: { decision: 'approve' | 'reject'; reason: string; emergency: boolean; lifetimeMs?: number },
) {
  if (file.role !== 'oncall') throw new CliError(ExitCode.forbidden, `a ${file.role} key cannot decide a fault`);
  return signFaultVerdict(file.key, file.identity, workflowId, target, { ...what, now: ctx.now() });
}

/** The run and the `action@device` a fault waits on, pending or deferred; only those can be decided. */
export async function awaitedDecision(api: ApiClient, workflowId: string): Promise<{ runId: string; subject: string }> {
  const found = (await api.faultStatus(workflowId)).pending;
  if (found?.runId && found.subject) return { runId: found.runId, subject: found.subject };
  throw new CliError(ExitCode.notFound, `${workflowId} is not waiting for a decision`, [
    'switchboard approvals list shows the faults that are; or pass --run-id, --action and --device',
  ]);
}
