import { join } from 'node:path';
import type { BenchContext } from './context';
import { workerEnv } from './context';
import { perTicket, startCpuMeter, type CpuSpent } from './cpu-meter';
import { fetchRunTimes, humanWaits } from './history';
import { costsByRoute, type RouteCost } from './route-costs';
import { locateStackProcesses } from './stack-processes';
import { distribution, mapLimit, spreadSample, workflowTiming, type Distribution } from './stats';
import { runFigures, type RunFigures, type RunShape } from './run-shape';
import { driveTickets } from './ticket-load';
import { startWorkerProcess } from './worker-process';

export interface TicketRunOptions extends RunShape {
  /** How many histories to fetch for activity time, overhead and costs by route. */
  sample: number;
  /** Extra worker environment (model provider, activity slots). */
  env?: Record<string, string>;
}

export interface TicketRunResult extends RunFigures {
  activityMs: Distribution;
  overheadMs: Distribution;
  /** Activity queue time (scheduled to started), part of the overhead, shown on its own. */
  activityQueueMs: Distribution;
  workflowTasksPerTicket: number | null;
  /** Mean events, workflow tasks and activities per ticket by route, over the sampled histories. */
  costsByRoute: Record<string, RouteCost>;
  /** CPU ms per ticket over the measured window, for the Temporal server, the worker and PostgreSQL. */
  cpuMsPerTicket: CpuSpent;
  workerPeakRssMb: number | null;
}

const WARM_UP = 16;

/** One ticket run against a fresh worker process: a warm-up, then the measured tickets, then their histories. */
export async function runTicketBench(ctx: BenchContext, options: TicketRunOptions): Promise<TicketRunResult> {
  const taskQueue = `bench-${ctx.runId}-${options.label}`;
  const worker = await startWorkerProcess(
    workerEnv(ctx, taskQueue, options.env),
    join(ctx.outDir, `worker-${ctx.runId}-${options.label}.log`),
  );
  let peakRss = worker.rssMb() ?? 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, worker.rssMb() ?? 0)), 250);
  try {
    // JIT, connection pools and the sticky cache warm up here, outside the measured window.
    await driveTickets(ctx, taskQueue, `BW-${ctx.runId}-${options.label}`, WARM_UP, Math.min(8, options.concurrency));
    ctx.log(`tickets ${options.label}: ${options.count} at ${options.concurrency} in flight`);
    const stack = ctx.stackPids
      ? { temporalServer: ctx.stackPids(), postgres: null }
      : locateStackProcesses(ctx.supervisorPid);
    const meter = startCpuMeter({ temporalServer: stack.temporalServer, worker: worker.pid, postgres: stack.postgres });
    const load = await driveTickets(
      ctx,
      taskQueue,
      `B-${ctx.runId}-${options.label}`,
      options.count,
      options.concurrency,
    );
    const cpu = meter.stop();
    clearInterval(sampler);
    const described = await mapLimit(load.workflowIds, 16, (id) => ctx.client.workflow.getHandle(id).describe());
    const endToEnd = described.filter((d) => d.closeTime).map((d) => d.closeTime!.getTime() - d.startTime.getTime());
    const sampledIds = spreadSample(load.workflowIds, options.sample);
    const sampled = await mapLimit(sampledIds, 8, (id) => fetchRunTimes(ctx.client, id));
    const timings = sampled
      .filter((t) => t.closeMs !== null)
      .map((t) => ({
        activityMs: workflowTiming(t.startMs, t.closeMs!, t.activities).activityMs,
        // A person's wait for the review counts as neither activity time nor overhead.
        overheadMs: workflowTiming(t.startMs, t.closeMs!, [...t.activities, ...humanWaits(t)]).overheadMs,
      }));
    const routed = sampled.flatMap((times, i) => {
      const route = load.routeOf[sampledIds[i]!];
      return route ? [{ route, times }] : [];
    });
    const queued = sampled.flatMap((t) => t.activities.map((a) => a.startedMs - a.scheduledMs));
    const tasks = sampled.map((t) => t.workflowTasks);
    return {
      ...runFigures(options, load, endToEnd),
      activityMs: distribution(timings.map((t) => t.activityMs)),
      overheadMs: distribution(timings.map((t) => t.overheadMs)),
      activityQueueMs: distribution(queued),
      workflowTasksPerTicket: tasks.length ? tasks.reduce((a, b) => a + b, 0) / tasks.length : null,
      costsByRoute: costsByRoute(routed),
      cpuMsPerTicket: perTicket(cpu, options.count),
      workerPeakRssMb: peakRss || null,
    };
  } finally {
    clearInterval(sampler);
    await worker.stop();
  }
}
