import { exitCodeHelp } from './exit-codes';

/** Help text beyond commander's option lists: examples first, because that is what people scroll for. */

export const rootHelp = `
All commands (each has its own --help):
  approvals list [--json]
  approvals approve <workflowId> [--reason <text>] [--emergency] [--yes]
  approvals reject <workflowId> --reason <text>
  approvals sign <workflowId> --approve|--reject --reason <text> [--emergency] [--key <file>]
  keys create --identity <id> --role <role> [--out <file>]
  keys show [--key <file>]
  tickets start --file <path|->
  tickets show <ticketId>
  fraud sweep [--date YYYY-MM-DD]
  reports acma <YYYY-MM> [--csv] [--out <file>] [--check]
  reports run-acma <YYYY-MM> [--as-of YYYY-MM-DD]
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
  SWITCHBOARD_SIGNING_KEY  your decision key file (default ~/.config/switchboard/decision-key.json); with it,
                        approvals are signed on this machine with your key, without it the API signs for your key

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

export const signHelp = `
The printed JSON is a decision signed with your key, bound to this fault's run, its recommended action and device,
your verdict, the emergency flag, a one-time nonce and an expiry. The fault verifies it before it counts; an
unsigned {"approver": ...} payload is recorded and ignored.

Examples:
  $ switchboard approvals sign fault-RTR-SYD-02-bgp_flapping --approve --reason "peer NOC confirmed" > approval.json
  $ temporal workflow signal --workflow-id fault-RTR-SYD-02-bgp_flapping --name approve --input "$(cat approval.json)"
  $ switchboard approvals sign fault-RTR-SYD-02-memory_high --reject --reason "leave it" \\
      --run-id 0193… --action reboot_device --device RTR-SYD-02     # no API needed
`;

export const keysHelp = `
Examples:
  $ switchboard keys create --identity eng.alice --role oncall
  $ switchboard keys show
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
Add --check to gate on it: exit 7 unless the verdict is PASS (FAIL, PENDING, or PENDING_REVIEW while a reviewer has
not settled every open item).

Examples:
  $ switchboard reports acma 2025-03
  $ switchboard reports acma 2025-03 --csv --out acma-2025-03.csv
  $ switchboard reports acma 2025-03 --check > /dev/null || echo "not ready to file"
  $ switchboard reports run-acma 2025-03 --as-of 2025-04-10     # the report as it stood on 10 April
`;

export const auditHelp = `
Exit 0 when the chain is intact; exit 6 when it is broken, naming the first tampered row on stderr.

Examples:
  $ switchboard audit verify
  $ switchboard audit verify --json
`;
