import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLineExitCode } from '../../../client/cli/script-args';

/** One command line for one script's parser: `module` is relative to the repository root. */
export interface ParserCase {
  module: string;
  parser: string;
  argv: string[];
}

/** What the parser returned, or how the script would exit on it and what commander printed. */
export type ParserOutcome =
  { parsed: unknown } | { refused: { exitCode: number | undefined; stdout: string; stderr: string } };

const root = join(__dirname, '..', '..', '..');

async function outcomeOf({ module, parser, argv }: ParserCase): Promise<ParserOutcome> {
  const parse = ((await import(join(root, module))) as Record<string, (argv: string[]) => Promise<unknown>>)[parser];
  if (!parse) throw new Error(`${module} exports no ${parser}`);
  const printed = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  // commander prints its refusals and help itself; what it printed is part of the outcome.
  const capture = (stream: keyof typeof printed) => (text: string | Uint8Array) => {
    printed[stream] += String(text);
    return true;
  };
  Object.assign(process.stdout, { write: capture('stdout') });
  Object.assign(process.stderr, { write: capture('stderr') });
  try {
    return { parsed: await parse(argv) };
  } catch (error) {
    return { refused: { exitCode: await commandLineExitCode(error), ...printed } };
  } finally {
    Object.assign(process.stdout, { write: writes.stdout });
    Object.assign(process.stderr, { write: writes.stderr });
  }
}

/**
 * Runs script parsers outside jest, whose CommonJS runtime cannot load commander (ESM-only), as the CLI's tests run
 * its launcher: cases as JSON on stdin, outcomes as JSON on stdout, in the same order.
 */
async function main(): Promise<void> {
  const cases = JSON.parse(readFileSync(0, 'utf8')) as ParserCase[];
  const outcomes: ParserOutcome[] = [];
  for (const parserCase of cases) outcomes.push(await outcomeOf(parserCase));
  process.stdout.write(JSON.stringify(outcomes));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
