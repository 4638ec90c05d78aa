import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import type { BenchContext } from './context';
import { startCpuMeter, perTicket, type CpuSpent } from './cpu-meter';
import { floorShapes } from './floor-workflows';
import { distribution, ratePerSecond, type Distribution } from './stats';
import { locateStackProcesses } from './stack-processes';
import type { Figure } from './targets';

export interface FloorRun {
  shape: (typeof floorShapes)[number];
  count: number;
  concurrency: number;
  perSecond: number;
  /** CPU per workflow, in ms: the Temporal server and the floor's worker process. */
  cpuPerWorkflowMs: CpuSpent;
  /** One at a time: start to result as the client sees it. */
  aloneMs: Distribution;
}

const WARM_UP = 20;

/**
 * Workflows that do nothing, in a ticket's shapes, at the tickets' concurrency and one at a time, on the same stack.
 * Their figures are a floor under the tickets': no ticket can be cheaper than the same shape with no work in it.
 */
export async function runFloorBench(
  ctx: BenchContext,
  options: { count: number; concurrency: number; alone: number },
): Promise<FloorRun[]> {
  const taskQueue = `bench-${ctx.runId}-floor`;
  const { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace } = ctx.config;
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'floor-worker.ts')], {
    env: { ...process.env, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, TEMPORAL_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The floor's worker has no payload codec, so neither does its client.
  const client = new Client({ connection: ctx.client.connection, namespace });
  const runs: FloorRun[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`floor worker exited ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
    });
    let sequence = 0;
    const execute = (shape: string) =>
      client.workflow.execute(shape, { taskQueue, workflowId: `${taskQueue}-${sequence++}`, args: [0] });
    const drive = async (shape: string, count: number, concurrency: number) => {
      let started = 0;
      await Promise.all(
        Array.from({ length: Math.min(concurrency, count) }, async () => {
          while (started < count) {
            started++;
            await execute(shape);
          }
        }),
      );
    };
    for (const shape of floorShapes) {
      await drive(shape, WARM_UP, Math.min(8, options.concurrency));
      ctx.log(`floor ${shape}: ${options.count} at ${options.concurrency} in flight, then ${options.alone} alone`);
      const stack = ctx.stackPids
        ? { temporalServer: ctx.stackPids(), postgres: null }
        : locateStackProcesses(ctx.supervisorPid);
      const meter = startCpuMeter({ temporalServer: stack.temporalServer, worker: child.pid ?? null });
      const began = performance.now();
      await drive(shape, options.count, options.concurrency);
      const wallMs = performance.now() - began;
      const cpu = meter.stop();
      const alone: number[] = [];
      for (let i = 0; i < options.alone; i++) {
        const t = performance.now();
        await execute(shape);
        alone.push(performance.now() - t);
      }
      runs.push({
        shape,
        count: options.count,
        concurrency: options.concurrency,
        perSecond: ratePerSecond(options.count, wallMs),
        cpuPerWorkflowMs: perTicket(cpu, options.count),
        aloneMs: distribution(alone),
      });
    }
  } finally {
    child.kill('SIGTERM');
  }
  return runs;
}

/** Each shape's figures; the tickets' own sit beside them in the same table. */
export function floorFigures(runs: readonly FloorRun[]): Figure[] {
  return runs.flatMap((run) => {
    const section = `floor: ${run.shape} (no work)`;
    const note = `${run.count} workflows, ${run.concurrency} in flight`;
    return [
      { section, name: 'workflows/s', value: run.perSecond, unit: '/s', note },
      {
        section,
        name: 'CPU per workflow: Temporal server',
        value: run.cpuPerWorkflowMs.temporalServer ?? null,
        unit: 'ms',
      },
      { section, name: 'CPU per workflow: worker', value: run.cpuPerWorkflowMs.worker ?? null, unit: 'ms' },
      {
        section,
        name: 'alone p50 (start to result)',
        value: run.aloneMs.p50,
        unit: 'ms',
        note: `${run.aloneMs.n} one at a time`,
      },
      { section, name: 'alone p95 (start to result)', value: run.aloneMs.p95, unit: 'ms' },
    ];
  });
}
