import { relative } from 'node:path';
import { renderTable } from './table';
import type { FaultDemoRow } from './run-faults';

/**
 * The fault table, and for each fault waiting on a person the commands an on-call engineer runs: sign the decision
 * with their own key, then send it with the official Temporal CLI. An unsigned approval is recorded and ignored.
 */
export function renderFaultReport(
  rows: FaultDemoRow[],
  temporalAddress: string,
  cli: string,
  engineer: { identity: string; path: string },
): string {
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
  const key = relative(process.cwd(), engineer.path);
  const commands = rows
    .filter((row) => !row.result && row.pending?.waiting)
    .map(({ workflowId, pending }) =>
      [
        `  SWITCHBOARD_SIGNING_KEY=${key} bin/switchboard approvals sign ${workflowId} --approve \\`,
        `    --reason "checked the diagnosis" --run-id ${pending!.runId} --action ${pending!.action} --device ${pending!.deviceId} > approval.json`,
        `  ${cli} workflow signal --address ${temporalAddress} --workflow-id ${workflowId} --name approve --input "$(cat approval.json)"`,
      ].join('\n'),
    );
  const help = commands.length
    ? `\nWaiting for an on-call engineer. As ${engineer.identity} (tier 1, core-network; the demo made and registered ` +
      `this key), sign the approval with your own key and send it with the official Temporal CLI:\n` +
      `${commands.join('\n\n')}\n` +
      `\nOr in one step through the API: switchboard approvals approve <workflowId> --reason "…" (the decide update).` +
      `\nAn unsigned {"approver": …} signal is recorded in history and ignored.`
    : '';
  return table + help;
}
