/**
 * `npx tsx bench/vm-timeout.ts [calls]`: what one call into a vm context costs with and without a timeout. The
 * Temporal SDK enters a workflow's context with `timeout` set (isolateExecutionTimeout, its deadlock detection) on
 * every call, and Node enforces a vm timeout with a watchdog thread started and stopped per call.
 */
import { createContext, Script } from 'node:vm';
import { runScript, scriptCommand } from '../client/cli/script-args';

export async function parseVmTimeoutOptions(argv: string[]): Promise<{ calls: number }> {
  const { program, Argument, values } = await scriptCommand(
    'npx tsx bench/vm-timeout.ts',
    'CPU per call into a vm context, with and without the timeout the Temporal SDK sets',
  );
  program.addArgument(new Argument('[calls]', 'calls of each kind').argParser(values.positiveInteger).default(20_000));
  const [calls] = program.parse(argv, { from: 'user' }).processedArgs as [number];
  return { calls };
}

// As the SDK's workflow context: microtasks drained before each call returns.
const context = createContext({}, { microtaskMode: 'afterEvaluate' });
const script = new Script('1 + 1');

function cpuMicrosPerCall(calls: number, options: { timeout?: number }): number {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) script.runInContext(context, options);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

async function main(): Promise<void> {
  const { calls } = await parseVmTimeoutOptions(process.argv.slice(2));
  // The first pass of each warms up; the second is the one reported.
  cpuMicrosPerCall(calls, {});
  cpuMicrosPerCall(calls, { timeout: 5_000 });
  const without = cpuMicrosPerCall(calls, {});
  const withTimeout = cpuMicrosPerCall(calls, { timeout: 5_000 });
  console.log(`${calls} calls into a vm context, CPU per call:`);
  console.log(`  without a timeout      ${without.toFixed(2)} µs`);
  console.log(`  with a 5 s timeout     ${withTimeout.toFixed(2)} µs (the SDK's default isolateExecutionTimeout)`);
}

if (require.main === module) runScript(main);
