/**
 * Exit codes are the CLI's contract with scripts and runbooks: keep them stable, and add new ones at the end.
 * 2 is commander's usage error, 78 is sysexits' EX_CONFIG.
 */
export const ExitCode = {
  ok: 0,
  apiError: 1,
  usage: 2,
  notFound: 3,
  forbidden: 4,
  confirmation: 5,
  auditBroken: 6,
  reportNotPassing: 7,
  config: 78,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit codes:
  0   ok
  1   API or server error (unreachable, 409 conflict, 429 rate limited, 5xx, unexpected response)
  2   usage error (bad arguments, or the API refused the request as invalid: 400)
  3   not found (404, or the fault is not waiting for approval)
  4   unauthorised or forbidden (401/403: the key is wrong, revoked, or its role may not do this)
  5   confirmation declined, or required (a destructive approval without a terminal and without --yes)
  6   audit chain broken (the first tampered row is named on stderr)
  7   report verdict is not PASS (only with reports acma --check)
  78  configuration missing or invalid (SWITCHBOARD_API_KEY, SWITCHBOARD_API_URL)`;

/** A failure the CLI explains itself: the message goes to stderr, the code to the shell. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
