import type { BenchSize } from './context';
import type { Phase, PhaseOptions } from './phases';

export const allPhases: Phase[] = ['tickets', 'floor', 'emulated', 'faults', 'fraud', 'memory', 'cluster'];

export interface BenchOptions extends PhaseOptions {
  size: BenchSize;
  only: Phase[];
  stackProfile: string;
  out: string | undefined;
}

/** `npm run bench -- [options]`; --size ci shrinks the defaults for a smoke run. */
export async function parseBenchOptions(argv: string[]): Promise<BenchOptions> {
  // commander 15 is ESM-only; a dynamic import is how this CommonJS project loads it.
  const { Command, Option } = await import('commander');
  const program = new Command('bench')
    .description(
      'Cost of durability (plain awaits beside the workflow, CPU and history per ticket), emulated-model tickets, fault approval round trip, fraud detection, worker memory',
    )
    .option('--only <phases>', `comma-separated subset of ${allPhases.join(',')}`, allPhases.join(','))
    .addOption(new Option('--size <size>', 'full run or a quick smoke run').choices(['full', 'ci']).default('full'))
    .option('--tickets <n>', 'tickets per loaded run (default 500, ci 100)')
    .option('--concurrency <n>', 'tickets in flight during a loaded run', '100')
    .option('--alone <n>', 'tickets run one at a time for the one-ticket-alone figures (default 100, ci 30)')
    .option('--approvals <n>', 'fault approvals to time (default 20, ci 6)')
    .option('--open <n>', 'open workflows for the memory figure', '1000')
    .option('--floor-workflows <n>', 'workflows of each empty shape in the floor phase', '1000')
    .option('--cached-workflows <n>', 'workflow cache size of the second memory run', '100')
    .option('--model-latency <ms>', 'fixed latency of the emulated model', '300')
    .option('--stack <profile>', 'stack profile to start when TEMPORAL_ADDRESS and DATABASE_URL are unset', 'lane6')
    .option('--out <file>', 'JSON report (default reports/bench/bench-<timestamp>.json; latest.json is also written)');
  const opts = program.parse(argv, { from: 'user' }).opts<Record<string, string | undefined>>();
  const size = opts.size as BenchSize;
  const only = opts.only!.split(',').map((p) => p.trim()) as Phase[];
  const unknown = only.filter((p) => !allPhases.includes(p));
  if (unknown.length) program.error(`unknown phase: ${unknown.join(', ')}`);
  const positive = (name: string, value: string | undefined, full: number, ci: number) => {
    const n = value === undefined ? (size === 'ci' ? ci : full) : Number(value);
    if (!Number.isInteger(n) || n < 1) program.error(`--${name} must be a positive integer`);
    return n;
  };
  return {
    size,
    only,
    stackProfile: opts.stack!,
    out: opts.out,
    tickets: positive('tickets', opts.tickets, 500, 100),
    concurrency: positive('concurrency', opts.concurrency, 100, 100),
    alone: positive('alone', opts.alone, 100, 30),
    approvals: positive('approvals', opts.approvals, 20, 6),
    open: positive('open', opts.open, 1000, 1000),
    floorWorkflows: positive('floor-workflows', opts.floorWorkflows, 1000, 1000),
    cachedWorkflows: positive('cached-workflows', opts.cachedWorkflows, 100, 100),
    modelLatencyMs: positive('model-latency', opts.modelLatency, 300, 300),
  };
}
