import { condition, log, setHandler } from '@temporalio/workflow';
import { faultSubject, type DecisionOutcome } from '../../domain/decision-statement';
import { approvalSchema } from '../../domain/fault/alert';
import { workflowNow } from '../clock';
import { requireSignedShape, signedDecisions, verifyDecision } from '../decisions';
import type { FaultDesk } from './desk';
import { approveSignal, decideUpdate, rejectSignal } from './messages';

export { faultSubject };

/**
 * Approve and reject arrive as signals (the `temporal` CLI, the Web UI) or as the `decide` update (the API and our
 * CLI, which learn at once whether it counted). Either way a decision is verified against the action this run waits
 * on, so one sent before the diagnosis counts only if it names the action the diagnosis then recommends.
 */
export function acceptFaultDecisions(desk: FaultDesk, run: { workflowId: string; runId: string }): void {
  const check = async (input: unknown, via: 'approve' | 'reject' | 'update'): Promise<DecisionOutcome> => {
    const receivedAt = workflowNow();
    await condition(() => desk.readyToCheck);
    const expected = { kind: 'fault' as const, ...run, subject: desk.subject };
    return desk.apply(await verifyDecision(input, expected, receivedAt), via);
  };
  for (const [signal, kind] of [
    [approveSignal, 'approve'],
    [rejectSignal, 'reject'],
  ] as const) {
    setHandler(signal, async (input: unknown) => {
      if (signedDecisions()) return void (await check(input, kind));
      const parsed = approvalSchema.safeParse(input);
      if (parsed.success) desk.receiveLegacy({ kind, approval: parsed.data });
      else log.warn(`ignored malformed ${kind} signal`);
    });
  }
  setHandler(decideUpdate, (input) => check(input, 'update'), { validator: requireSignedShape });
}
