import { existsSync, readFileSync } from 'node:fs';
import { runScript, parseSingleArgument } from '../client/cli/script-args';

export interface TestSummaryOptions {
  /** jest's --json output. */
  results: string;
}

/** `npx tsx scripts/test-summary.ts [results.json]`, as `make test` runs it */
export async function parseTestSummaryOptions(argv: string[]): Promise<TestSummaryOptions> {
  const results = await parseSingleArgument(argv, {
    usage: 'npx tsx scripts/test-summary.ts',
    description: 'Print the Node the tests ran on and jest\'s totals as one "N passed, N failed" line',
    argument: '[results]',
    help: "jest's --json output file",
    defaultValue: '.data/jest-results.json',
  });
  return { results };
}

/**
 * Prints the Node the tests ran on (the `node --version` that make put on PATH), then jest's totals as one plain
 * "N passed, N failed" line that CI can read.
 */
async function main(): Promise<void> {
  const { results: file } = await parseTestSummaryOptions(process.argv.slice(2));
  console.log(`node --version: ${process.version}`);
  if (!existsSync(file)) {
    console.log('0 passed, 1 failed');
    return;
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

if (require.main === module) runScript(main);
