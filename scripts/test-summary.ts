import { existsSync, readFileSync } from 'node:fs';

/**
 * Prints the Node the tests ran on (the `node --version` that make put on PATH), then jest's totals as one plain
 * "N passed, N failed" line that CI can read.
 */
const file = process.argv[2] ?? '.data/jest-results.json';
console.log(`node --version: ${process.version}`);
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
} else {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
