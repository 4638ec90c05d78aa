import { exitCodeHelp } from './exit-codes';

/** Help text beyond commander's option lists: examples first, because that is what people scroll for. */

export const rootHelp = `
All commands (each has its own --help):
  approvals list [--json]
  approvals approve <workflowId> [--reason <text>] [--emergency] [--yes]
  approvals reject <workflowId> --reason <text>
  tickets start --file <path|->
  tickets show <ticketId>
  fraud sweep [--date YYYY-MM-DD]
  reports acma <YYYY-MM> [--csv] [--out <file>] [--check]
  audit verify [--json]

Examples:
  $ export SWITCHBOARD_API_URL=https://switchboard.internal:8080
  $ export SWITCHBOARD_API_KEY=sb_...            # your own key: it is your identity
  $ switchboard approvals list
  $ switchboard approvals approve fault-RTR-SYD-02-bgp_flapping --reason "peer NOC confirmed"
  $ switchboard audit verify && echo intact

Environment:
  SWITCHBOARD_API_KEY   required; the API decides who you are and what your role may do from it
  SWITCHBOARD_API_URL   default http://127.0.0.1:8080

${exitCodeHelp}
`;

export const approvalsHelp = `
Examples:
  $ switchboard approvals list
  $ switchboard approvals list --json | jq -r '.[].workflowId'
  $ switchboard approvals approve <workflowId> --reason "firmware issue confirmed"
  $ switchboard approvals reject <workflowId> --reason "planned maintenance, leave it"
`;

export const approveHelp = `
A destructive action (marked [destructive] in the list) asks "Approve <action> on <device>? [y/N]" at a terminal.
Without a terminal it refuses with exit code 5 unless --yes is given. The approver recorded is the identity of
your API key, printed on success.

Examples:
  $ switchboard approvals approve fault-RTR-SYD-02-bgp_flapping --reason "peer NOC confirmed"
  $ switchboard approvals approve fault-RTR-SYD-02-bgp_flapping --yes --emergency --reason "major outage"
`;

export const ticketsHelp = `
Examples:
  $ switchboard tickets start --file ticket.json
  $ echo '{"ticketId":"T-1","accountId":"ACC-1","channel":"email","message":"Charged twice"}' \\
      | switchboard tickets start --file -
  $ switchboard tickets show T-1
`;

export const fraudHelp = `
Examples:
  $ switchboard fraud sweep
  $ switchboard fraud sweep --date 2025-03-01
`;

export const reportsHelp = `
Fetching a report exits 0 whatever its verdict, so archiving jobs do not fail on a month with breaches.
Add --check to gate on it: exit 7 unless the verdict is PASS (FAIL or PENDING review).

Examples:
  $ switchboard reports acma 2025-03
  $ switchboard reports acma 2025-03 --csv --out acma-2025-03.csv
  $ switchboard reports acma 2025-03 --check > /dev/null || echo "not ready to file"
`;

export const auditHelp = `
Exit 0 when the chain is intact; exit 6 when it is broken, naming the first tampered row on stderr.

Examples:
  $ switchboard audit verify
  $ switchboard audit verify --json
`;
