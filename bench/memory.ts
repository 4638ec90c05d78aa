import { signTicketReview } from '../client/decisions';
import { benchKeys } from './decision-keys';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTicketClient, ticketPolicyFromConfig, ticketWorkflowId } from '../client';
import { requireDatabaseUrl } from '../config';
import { demoTickets } from '../domain/seed-examples';
import { workerEnv, type BenchContext } from './context';
import { mapLimit } from './stats';
import { driveTickets } from './ticket-load';
import { startWorkerProcess } from './worker-process';

export interface MemoryBenchResult {
  open: number;
  /** WORKER_MAX_CACHED_WORKFLOWS for this run; null is the SDK's default, which here holds every open workflow. */
  cachedWorkflows: number | null;
  /** After a warm-up, with nothing open: the worker's floor. */
  idleRssMb: number | null;
  /** Highest of several samples once every workflow waits. */
  openRssMb: number | null;
  perWorkflowKb: number | null;
  secondsToOpen: number;
  /** From the agents' decisions sent to every parked review to the last reply: evicted workflows replay first. */
  secondsToResume: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `open` tickets parked in agent review (the bill and slow internet example with no decision sent: a 4-hour review
 * deadline), so each is a running workflow held in the worker's sticky cache. RSS is read from /proc once the last one
 * has opened its review; then they are terminated so nothing is left behind on a persistent stack.
 */
export async function runMemoryBench(
  ctx: BenchContext,
  open: number,
  cachedWorkflows: number | null,
): Promise<MemoryBenchResult> {
  const label = cachedWorkflows === null ? 'memory' : `memory-cache-${cachedWorkflows}`;
  const taskQueue = `bench-${ctx.runId}-${label}`;
  const cache: Record<string, string> =
    cachedWorkflows === null ? {} : { WORKER_MAX_CACHED_WORKFLOWS: String(cachedWorkflows) };
  const worker = await startWorkerProcess(
    workerEnv(ctx, taskQueue, cache),
    join(ctx.outDir, `worker-${ctx.runId}-${label}.log`),
  );
  const pool = new Pool({ connectionString: requireDatabaseUrl(ctx.config), max: 1 });
  const tickets = createTicketClient({ client: ctx.client, taskQueue, policy: ticketPolicyFromConfig(ctx.config) });
  const review = demoTickets.find((d) => d.label === 'bill + slow internet')!;
  const prefix = `M-${ctx.runId}-${cachedWorkflows ?? 'default'}`;
  const ids = Array.from({ length: open }, (_, i) => `${prefix}-${i}`);
  try {
    await driveTickets(ctx, taskQueue, `MW-${ctx.runId}`, 16, 8);
    await sleep(2_000);
    const idleRssMb = worker.rssMb();
    ctx.log(`memory: opening ${open} workflows (worker idle at ${idleRssMb?.toFixed(0)} MB)`);
    const started = Date.now();
    await mapLimit(ids, 32, (ticketId) => tickets.start({ ...review.ticket, ticketId }));
    const count = async () =>
      Number(
        (
          await pool.query("SELECT count(*) AS n FROM handoffs WHERE kind = 'review' AND ticket_id LIKE $1", [
            `${prefix}-%`,
          ])
        ).rows[0].n,
      );
    const deadline = Date.now() + 10 * 60_000;
    while ((await count()) < open) {
      if (Date.now() > deadline) throw new Error(`only ${await count()} of ${open} reached review in 10 min`);
      await sleep(500);
    }
    const secondsToOpen = (Date.now() - started) / 1000;
    // The workflow task after the handoff activity closes still has to run; then the cache holds them all.
    await sleep(3_000);
    let openRssMb: number | null = null;
    for (let i = 0; i < 5; i++, await sleep(1_000)) openRssMb = Math.max(openRssMb ?? 0, worker.rssMb() ?? 0) || null;
    const resumeStarted = Date.now();
    const key = await benchKeys(ctx, 'agent')('bench-agent');
    await mapLimit(ids, 32, async (ticketId) => {
      const verdict = { decision: 'approve' as const, reason: 'bench review' };
      await tickets.sendAgentDecision(ticketId, await signTicketReview(tickets, ticketId, verdict, 'bench-agent', key));
      await tickets.result(ticketId);
    });
    return {
      open,
      cachedWorkflows,
      secondsToResume: (Date.now() - resumeStarted) / 1000,
      idleRssMb,
      openRssMb,
      perWorkflowKb: openRssMb !== null && idleRssMb !== null ? ((openRssMb - idleRssMb) * 1024) / open : null,
      secondsToOpen,
    };
  } finally {
    await mapLimit(ids, 32, (ticketId) =>
      ctx.client.workflow
        .getHandle(ticketWorkflowId(ticketId))
        .terminate('benchmark finished')
        .catch(() => undefined),
    );
    await pool.end();
    await worker.stop();
  }
}
