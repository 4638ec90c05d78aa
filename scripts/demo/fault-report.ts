import { relative } from 'node:path';
import { renderTable } from './table';
import type { FaultDemoRow } from './run-faults';

/** What an on-call engineer needs to reach the running demo: its API, and the keys the demo made for them. */
export interface OncallAccess {
  identity: string;
  apiUrl: string;
  apiKeyPath: string;
  signingKeyPath: string;
  temporalAddress: string;
  /** The official Temporal CLI the stack runs. */
  temporalCli: string;
}

const here = (path: string) => relative(process.cwd(), path);

/**
 * The fault table, and for the faults waiting on a person the commands an on-call engineer runs against the running
 * demo: `switchboard approvals` through the API, signed with their own decision key, or the same signed decision sent
 * with the official Temporal CLI. An unsigned approval is recorded and ignored.
 */
export function renderFaultReport(rows: FaultDemoRow[], access: OncallAccess): string {
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
  const waiting = rows.filter((row) => !row.result && row.pending?.waiting);
  const first = waiting[0];
  if (!first) return table;
  const reason = '--reason "checked the diagnosis"';
  return [
    table,
    '',
    `Waiting for an on-call engineer. As ${access.identity} (tier 1, core-network), with the API key and the decision ` +
      'key the demo made and registered for them:',
    `  export SWITCHBOARD_API_URL=${access.apiUrl}`,
    `  export SWITCHBOARD_API_KEY="$(cat ${here(access.apiKeyPath)})"`,
    `  export SWITCHBOARD_SIGNING_KEY=${here(access.signingKeyPath)}`,
    '  bin/switchboard approvals list',
    ...waiting.map(({ workflowId }) => `  bin/switchboard approvals approve ${workflowId} ${reason}`),
    'Each approval is signed with the decision key on this machine; the API relays it and says whether it counted.',
    'A destructive action asks first (--yes answers for you).',
    '',
    'Or sign it the same way and send it with the official Temporal CLI (no API needed):',
    `  SWITCHBOARD_SIGNING_KEY=${here(access.signingKeyPath)} bin/switchboard approvals sign ${first.workflowId} \\`,
    `    --approve ${reason} --run-id ${first.pending!.runId} --action ${first.pending!.action} \\`,
    `    --device ${first.pending!.deviceId} > approval.json`,
    `  ${access.temporalCli} workflow signal --address ${access.temporalAddress} --workflow-id ${first.workflowId} \\`,
    '    --name approve --input "$(cat approval.json)"',
    'An unsigned {"approver": …} signal is recorded in history and ignored.',
  ].join('\n');
}
