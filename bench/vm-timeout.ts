/**
 * `npx tsx bench/vm-timeout.ts [calls]`: what one call into a vm context costs with and without a timeout. The
 * Temporal SDK enters a workflow's context with `timeout` set (isolateExecutionTimeout, its deadlock detection) on
 * every call, and Node enforces a vm timeout with a watchdog thread started and stopped per call.
 */
import { createContext, Script } from 'node:vm';

const calls = Number(process.argv[2] ?? 20_000);
// As the SDK's workflow context: microtasks drained before each call returns.
const context = createContext({}, { microtaskMode: 'afterEvaluate' });
const script = new Script('1 + 1');

function cpuMicrosPerCall(options: { timeout?: number }): number {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) script.runInContext(context, options);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

// The first pass of each warms up; the second is the one reported.
cpuMicrosPerCall({});
cpuMicrosPerCall({ timeout: 5_000 });
const without = cpuMicrosPerCall({});
const withTimeout = cpuMicrosPerCall({ timeout: 5_000 });
console.log(`${calls} calls into a vm context, CPU per call:`);
console.log(`  without a timeout      ${without.toFixed(2)} µs`);
console.log(`  with a 5 s timeout     ${withTimeout.toFixed(2)} µs (the SDK's default isolateExecutionTimeout)`);
