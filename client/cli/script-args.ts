/**
 * How every script reads its command line: commander, as the CLI, eval and bench do. A script exports a
 * `parse…Options(argv)` built on `scriptCommand`, so a test can parse a command line without running the script, and
 * runs its entry point through `runScript`, which turns a refused command line into the CLI's usage exit code.
 * It lives beside the CLI, not in scripts/, because bench/ and eval/ may import production code but not scripts/.
 */
// A type-only import of an ES module from CommonJS names the condition it resolves with.
import type { Argument, Command, Option } from 'commander' with { 'resolution-mode': 'import' };
import type { z } from 'zod';
import { ExitCode } from './exit-codes';

/** Turn one option or argument value into what the script uses, or refuse it with a reason commander prints. */
export type ValueParser<T> = (value: string) => T;

export interface ValueParsers {
  positiveInteger: ValueParser<number>;
  nonNegativeInteger: ValueParser<number>;
  port: ValueParser<number>;
  /** A calendar day, YYYY-MM-DD: 2026-02-30 is refused, not rolled over into March. */
  isoDate: ValueParser<string>;
  /** A calendar month, YYYY-MM. */
  yearMonth: ValueParser<string>;
  /** A value the project already has a zod schema for: the schema's own message is the refusal. */
  matching: <T>(schema: z.ZodType<T>) => ValueParser<T>;
}

export interface ScriptCommand {
  program: Command;
  Option: typeof Option;
  Argument: typeof Argument;
  values: ValueParsers;
}

/**
 * A script's command, configured as every script's is: a refusal throws instead of exiting, so a parser can be tested
 * and `runScript` picks the exit code; unknown options and excess arguments are refused (commander's defaults); the
 * usage line is how the script is run (`name`, e.g. `npm run report --`).
 */
export async function scriptCommand(name: string, description: string): Promise<ScriptCommand> {
  // commander 15 is ESM-only; a dynamic import is how this CommonJS project loads it.
  const { Command, Option, Argument, InvalidArgumentError } = await import('commander');
  const program = new Command(name)
    .description(description)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  return { program, Option, Argument, values: valueParsers((reason) => new InvalidArgumentError(reason)) };
}

function valueParsers(invalid: (reason: string) => Error): ValueParsers {
  const integer = (min: number, max: number, wanted: string) => (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw invalid(`Expected ${wanted}.`);
    return n;
  };
  // A round trip through Date refuses what Date.parse would quietly roll over (the 30th of February).
  const calendar = (pattern: RegExp, asDay: (value: string) => string, wanted: string) => (value: string) => {
    const day = asDay(value);
    const parsed = new Date(`${day}T00:00:00Z`);
    if (!pattern.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
      throw invalid(`Expected ${wanted}.`);
    }
    return value;
  };
  return {
    positiveInteger: integer(1, Number.MAX_SAFE_INTEGER, 'a positive integer'),
    nonNegativeInteger: integer(0, Number.MAX_SAFE_INTEGER, 'a non-negative integer'),
    port: integer(1, 65_535, 'a TCP port, 1 to 65535'),
    isoDate: calendar(/^\d{4}-\d{2}-\d{2}$/, (value) => value, 'a calendar date, YYYY-MM-DD'),
    yearMonth: calendar(/^\d{4}-\d{2}$/, (value) => `${value}-01`, 'a month, YYYY-MM'),
    matching:
      <T>(schema: z.ZodType<T>) =>
      (value: string): T => {
        const parsed = schema.safeParse(value);
        if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.message).join('; '));
        return parsed.data;
      },
  };
}

export interface SingleArgument {
  /** How the script is run, e.g. `npm run bundle --`. */
  usage: string;
  description: string;
  /** Commander's notation: `[file]` for an optional one. */
  argument: string;
  help: string;
  defaultValue: string;
}

/** The command line of a script that takes one optional argument and no options. */
export async function parseSingleArgument(argv: string[], spec: SingleArgument): Promise<string> {
  const { program } = await scriptCommand(spec.usage, spec.description);
  program.argument(spec.argument, spec.help, spec.defaultValue);
  const [value] = program.parse(argv, { from: 'user' }).processedArgs as [string];
  return value;
}

/** The exit code for a parser's refusal: 0 after --help (commander printed it), 2 (usage) for anything it refused. */
export async function commandLineExitCode(error: unknown): Promise<number | undefined> {
  const { CommanderError } = await import('commander');
  if (!(error instanceof CommanderError)) return undefined;
  return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
}

export interface RunScriptOptions {
  /** Exit code of any other failure (default 1); the audit script keeps 3 for "could not check". */
  failureExitCode?: number;
  /** Print a failure's stack, not only its message, where a bare message would not say where it came from. */
  stack?: boolean;
  /** Exit as soon as the work is done rather than wait on handles left open behind it (the SDK's runtime). */
  exitWhenDone?: boolean;
}

/**
 * Runs a script's entry point. Its resolved number (default 0) becomes the exit code; the process then ends when its
 * work does, so a script that starts a server keeps serving. A command line the parser refused exits 2 (commander has
 * already printed why), --help exits 0, and any other failure prints its message and exits `failureExitCode`.
 */
export function runScript(main: () => Promise<number | void>, options: RunScriptOptions = {}): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
      if (options.exitWhenDone) process.exit();
    },
    async (error: unknown) => {
      const usage = await commandLineExitCode(error);
      if (usage === undefined) {
        const text = error instanceof Error ? (options.stack ? (error.stack ?? error.message) : error.message) : error;
        console.error(text);
      }
      process.exit(usage ?? options.failureExitCode ?? 1);
    },
  );
}
