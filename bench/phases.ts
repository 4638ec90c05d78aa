import { getHeapStatistics } from 'node:v8';
import { devServerDynamicConfig } from '../tooling/stack/temporal-server';
import type { BenchContext } from './context';
import { runFaultBench } from './faults';
import { aloneFigures, cpuFigures, durabilityFigures, routeCostFigures } from './durability-figures';
import { faultFigures, fraudFigures, memoryFigures, ticketFigures } from './figures';
import { runFraudBench } from './fraud';
import { runMemoryBench } from './memory';
import { startEmulatedModel } from './model-emulator';
import type { Figure } from './targets';
import { runPlainBench } from './plain-run';
import { runTicketBench } from './tickets';
import { clusterFigures, runClusterBench } from './cluster';
import { floorFigures, runFloorBench } from './floor';

export type Phase = 'tickets' | 'floor' | 'emulated' | 'faults' | 'fraud' | 'memory' | 'cluster';

export interface PhaseOptions {
  tickets: number;
  concurrency: number;
  /** Tickets run one at a time for the one-ticket-alone figures. */
  alone: number;
  approvals: number;
  open: number;
  /** Workflows of each shape in the floor phase: enough that the burst of the first hundred does not dominate. */
  floorWorkflows: number;
  /** WORKER_MAX_CACHED_WORKFLOWS for the second memory run. */
  cachedWorkflows: number;
  modelLatencyMs: number;
}

/** The SDK's default sticky cache size for a worker with this heap limit (reuseV8Context on, as by default). */
const defaultCachedWorkflows = () =>
  Math.max(Math.floor((Math.max(getHeapStatistics().heap_size_limit / 2 ** 20 - 200, 0) * 600) / 1024), 10);

/** Runs the chosen phases in order, each against worker processes of its own, and collects figures for the table. */
export async function runPhases(ctx: BenchContext, only: Phase[], options: PhaseOptions) {
  const results: Record<string, unknown> = {};
  const figures: Figure[] = [];
  // One activity slot per ticket in flight: a ticket runs its activities one at a time, so none waits for a slot.
  const slots = { WORKER_MAX_CONCURRENT_ACTIVITIES: String(Math.max(options.concurrency, 1)) };
  const tuning = {
    workerProcess:
      'compiled JavaScript (node .data/bench-dist/workers/main.js, built once per bench run), a fresh one per run, configured from the environment; MALLOC_ARENA_MAX=2 as in the production image unless set',
    workflowBundle: 'built once per bench run (bundleWorkflowCode), loaded by every worker via WORKFLOW_BUNDLE_PATH',
    maxCachedWorkflows:
      ctx.config.WORKER_MAX_CACHED_WORKFLOWS === undefined
        ? `SDK default from the heap limit: ${defaultCachedWorkflows()} (WORKER_MAX_CACHED_WORKFLOWS unset)`
        : `WORKER_MAX_CACHED_WORKFLOWS=${ctx.config.WORKER_MAX_CACHED_WORKFLOWS}`,
    maxConcurrentWorkflowTaskExecutions:
      ctx.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS === undefined
        ? 'SDK default: 40 (WORKER_MAX_CONCURRENT_WORKFLOW_TASKS unset)'
        : `WORKER_MAX_CONCURRENT_WORKFLOW_TASKS=${ctx.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS}`,
    maxConcurrentActivityTaskExecutions: `WORKER_MAX_CONCURRENT_ACTIVITIES=${slots.WORKER_MAX_CONCURRENT_ACTIVITIES} for loaded ticket runs, config default (${ctx.config.WORKER_MAX_CONCURRENT_ACTIVITIES}) elsewhere`,
    databasePoolMax: ctx.config.DATABASE_POOL_MAX,
    reviewsAndClarifications:
      'the customer answer is signalled right after start; the agent decision as soon as the review handoff is in PostgreSQL (polled every 20 ms), and that wait is left out of overhead',
    plainPipeline:
      'bench/plain-pipeline.ts: the same activities (offline engine, no added latency) with plain awaits in the bench process, same tickets, concurrency and PostgreSQL',
    cpu: 'utime+stime (with reaped children) from /proc over the measured window; Temporal server and PostgreSQL found among the stack supervisor’s descendants',
    devServer: `stack lanes start the dev server with ${JSON.stringify(devServerDynamicConfig)}`,
    sharedModules:
      'zod preloaded once per workflow thread (domain/zod-preload.ts); each workflow type loads its modules on first call (workflows/index.ts), OpenTelemetry only for traced workflows',
  };

  if (only.includes('tickets')) {
    const loaded = { count: options.tickets, concurrency: options.concurrency };
    // The yardstick first, then the workflow: the same tickets at the same concurrency, in the same bench run.
    const plain = await runPlainBench(ctx, { label: 'plain', ...loaded });
    // Every history of the loaded run, so each route's costs come from all of its tickets.
    const offline = await runTicketBench(ctx, { label: 'offline', ...loaded, sample: loaded.count, env: slots });
    figures.push(
      ...durabilityFigures(offline, plain),
      ...cpuFigures(offline, plain),
      ...routeCostFigures(offline),
      ...ticketFigures(offline, false),
    );
    // One at a time: overhead with no queueing in the worker or the server.
    const alone = { count: options.alone, concurrency: 1 };
    const plainAlone = await runPlainBench(ctx, { label: 'plain-alone', ...alone });
    const serial = await runTicketBench(ctx, { label: 'offline-alone', ...alone, sample: alone.count });
    figures.push(...aloneFigures(serial, plainAlone));
    results.plain = [plain, plainAlone];
    results.tickets = [offline, serial];
    if (only.includes('cluster')) {
      // The production server with the same tickets, after the dev server's run, in the same bench run.
      const cluster = await runClusterBench(ctx, { ...loaded, env: slots });
      figures.push(...clusterFigures(cluster, offline));
      results.cluster = cluster;
    }
  }
  if (only.includes('floor')) {
    // The same shapes with no work in them, on the same stack: what Temporal costs before any of our code runs.
    const floor = await runFloorBench(ctx, {
      count: options.floorWorkflows,
      concurrency: options.concurrency,
      alone: options.alone,
    });
    figures.push(...floorFigures(floor));
    results.floor = floor;
  }
  if (only.includes('emulated')) {
    const model = await startEmulatedModel(options.modelLatencyMs);
    try {
      const emulated = await runTicketBench(ctx, {
        label: `emulated-${options.modelLatencyMs}ms`,
        count: options.tickets,
        concurrency: options.concurrency,
        sample: ctx.size === 'ci' ? 50 : 100,
        env: { ...model.env, ...slots },
      });
      figures.push(...ticketFigures(emulated));
      results.emulated = emulated;
      results.emulatedModel = { via: 'Anthropic Messages API emulator, real SDK', requests: model.requests() };
    } finally {
      await model.close();
    }
  }
  if (only.includes('faults')) {
    ctx.log(`faults: timing ${options.approvals} approvals`);
    const faults = await runFaultBench(ctx, options.approvals);
    results.faults = faults;
    figures.push(...faultFigures(faults));
  }
  if (only.includes('fraud')) {
    const fraud = await runFraudBench(ctx);
    results.fraud = fraud;
    figures.push(...fraudFigures(fraud));
  }
  if (only.includes('memory')) {
    // The SDK's default cache holds every open workflow; a capped cache holds the working set and replays the rest.
    const runs = [];
    for (const cached of [null, options.cachedWorkflows]) {
      const memory = await runMemoryBench(ctx, options.open, cached);
      runs.push(memory);
      figures.push(...memoryFigures(memory));
    }
    results.memory = runs;
  }
  return { results, figures, tuning };
}
