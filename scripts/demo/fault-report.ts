import { renderTable } from './table';
import type { FaultDemoRow } from './run-faults';

/** The fault table, and for each fault waiting on a person the exact command that approves it. */
export function renderFaultReport(rows: FaultDemoRow[], temporalAddress: string, cli: string): string {
  const table = renderTable(
    ['device', 'alert', 'recommended action', 'conf', 'decision', 'state'],
    rows.map(({ alert, pending, result }) => [
      alert.deviceId,
      alert.alertType,
      result?.diagnosis?.recommendedAction ?? pending?.action ?? '?',
      String(result?.diagnosis?.confidence ?? pending?.diagnosis?.confidence ?? ''),
      result?.decision.mode ?? (pending?.waiting ? 'approval' : '?'),
      result ? result.outcome : pending?.waiting ? `awaiting approval: ${pending.why.join('; ')}` : 'running',
    ]),
  );
  const commands = rows
    .filter((row) => !row.result && row.pending?.waiting)
    .map((row) => {
      const input = JSON.stringify({ approver: row.pending!.approvers[0], reason: 'checked the diagnosis' });
      return `  ${cli} workflow signal --address ${temporalAddress} --workflow-id ${row.workflowId} --name approve --input '${input}'`;
    });
  const help = commands.length
    ? `\nWaiting for an on-call engineer. Approve with the official Temporal CLI, for example:\n${commands.join('\n')}`
    : '';
  return table + help;
}
