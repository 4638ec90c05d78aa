import { ApiRequestError, ApiUnavailableError } from './api-client';
import { CliError, ExitCode } from './exit-codes';
import type { Io } from './io';

export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return ExitCode.forbidden;
  if (status === 404) return ExitCode.notFound;
  // The API validated the request and refused it: the same mistake as a bad argument, so the same code.
  if (status === 400 || status === 413 || status === 415) return ExitCode.usage;
  return ExitCode.apiError;
}

const hints: Record<number, string> = {
  401: 'check SWITCHBOARD_API_KEY: the key may be mistyped or revoked',
  403: "your key's role may not do this; ask for a key with the right role rather than borrowing one",
  429: 'wait a minute and try again',
};

/** Every failure ends here: one line saying what went wrong, details indented under it, and the exit code. */
export function reportError(io: Io, error: unknown): ExitCode {
  const say = (message: string, details: string[] = []) =>
    io.stderr.write([`switchboard: ${message}`, ...details.map((line) => `  ${line}`)].join('\n') + '\n');
  if (error instanceof CliError) {
    say(error.message, error.details);
    return error.exitCode;
  }
  if (error instanceof ApiRequestError) {
    const hint = hints[error.status];
    say(`${error.message} (HTTP ${error.status} ${error.code})`, [...error.issues, ...(hint ? [hint] : [])]);
    return exitCodeForStatus(error.status);
  }
  if (error instanceof ApiUnavailableError) {
    say(error.message);
    return ExitCode.apiError;
  }
  say(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  return ExitCode.apiError;
}
