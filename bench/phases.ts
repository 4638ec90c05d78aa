import { getHeapStatistics } from 'node:v8';
import { devServerDynamicConfig } from '../scripts/stack/temporal-server';
import type { BenchContext } from './context';
import { runFaultBench } from './faults';
import { faultFigures, fraudFigures, memoryFigures, ticketFigures } from './figures';
import { runFraudBench } from './fraud';
import { runMemoryBench } from './memory';
import { startEmulatedModel } from './model-emulator';
import type { Figure } from './targets';
import { runTicketBench, type TicketRunResult } from './tickets';

export type Phase = 'tickets' | 'faults' | 'fraud' | 'memory';

export interface PhaseOptions {
  tickets: number;
  concurrency: number;
  approvals: number;
  open: number;
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
    workerProcess: 'node --import tsx workers/main.ts, a fresh one per run, configured from the environment',
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
    reviewsAndClarifications: 'answered by signals sent right after start: no human wait in end-to-end time',
    devServer: `stack lanes start the dev server with ${JSON.stringify(devServerDynamicConfig)}`,
    sharedModules: 'zod preloaded once per workflow thread (domain/zod-preload.ts), not once per workflow',
  };

  if (only.includes('tickets')) {
    const sample = ctx.size === 'ci' ? 50 : 100;
    const runs: TicketRunResult[] = [];
    const offline = await runTicketBench(ctx, {
      label: 'offline',
      count: options.tickets,
      concurrency: options.concurrency,
      sample,
      env: slots,
    });
    runs.push(offline);
    figures.push(...ticketFigures(offline, true));
    // One at a time: overhead with no queueing in the worker or the server, beside the loaded figure.
    const light = ctx.size === 'ci' ? 20 : 100;
    const serial = await runTicketBench(ctx, { label: 'offline-serial', count: light, concurrency: 1, sample: light });
    runs.push(serial);
    figures.push(...ticketFigures(serial, false));
    const model = await startEmulatedModel(options.modelLatencyMs);
    try {
      const emulated = await runTicketBench(ctx, {
        label: `emulated-${options.modelLatencyMs}ms`,
        count: options.tickets,
        concurrency: options.concurrency,
        sample,
        env: { ...model.env, ...slots },
      });
      runs.push(emulated);
      figures.push(...ticketFigures(emulated, false));
      results.emulatedModel = { via: 'Anthropic Messages API emulator, real SDK', requests: model.requests() };
    } finally {
      await model.close();
    }
    results.tickets = runs;
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
