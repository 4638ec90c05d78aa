import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { connectClient, createTicketClient, ticketPolicyFromConfig, type SwitchboardConnection } from '../../client';
import { waitForCluster } from '../../tooling/stack/temporal-cluster-env';
import { repliesFor, replyTotal, resultsOf, startAll, ticketIds, until } from '../resilience/tickets';
import {
  clusterConfig,
  isAlive,
  clusterStack,
  newTaskQueue,
  recordFigures,
  serverPid,
  sizes,
  tokenFor,
  workerStarter,
} from './support';

// Slow enough that each kill lands with tickets mid-activity, fast enough to finish in minutes.
const workerEnv = { OFFLINE_LATENCY: '300ms' };
const workers: ChildProcess[] = [];
const connections: SwitchboardConnection[] = [];
let pool: Pool;

beforeAll(() => {
  pool = new Pool({ connectionString: clusterStack().databaseUrl, max: 2 });
  pool.on('error', () => {});
});
afterAll(async () => {
  const running = workers.filter((worker) => worker.exitCode === null && worker.signalCode === null);
  const exited = running.map((worker) => new Promise((resolve) => worker.once('exit', resolve)));
  for (const worker of running) worker.kill('SIGTERM');
  await Promise.all(exited);
  await Promise.all(connections.map((connection) => connection.close()));
  await pool?.end();
});

/** A run of tickets on its own task queue, started with the API's token, and its workers (the worker's token). */
async function ticketRun(count: number, workerCount: number) {
  const taskQueue = newTaskQueue();
  const config = clusterConfig(tokenFor('api'), taskQueue);
  const connection = await connectClient(config);
  connections.push(connection);
  const tickets = createTicketClient({ client: connection.client, taskQueue, policy: ticketPolicyFromConfig(config) });
  const spawnWorker = workerStarter(taskQueue, workerEnv);
  const running = Array.from({ length: workerCount }, () => spawnWorker());
  workers.push(...running);
  const prefix = `CL-${randomUUID().slice(0, 8)}`;
  const ids = ticketIds(prefix, count);
  await startAll(tickets, ids);
  return { tickets, ids, prefix, workers: running };
}

/** Every ticket replied to, and each exactly once in the outbox. */
async function outcome(run: Awaited<ReturnType<typeof ticketRun>>) {
  const results = await resultsOf(run.tickets, run.ids);
  const perTicket = await repliesFor(pool, run.prefix);
  return {
    failed: results.filter((result) => result instanceof Error).length,
    replied: results.filter((result) => !(result instanceof Error) && result.outcome === 'replied').length,
    lost: run.ids.filter((id) => !perTicket.has(id)).length,
    duplicates: [...perTicket.values()].filter((count) => count > 1).length,
  };
}

/** Waits for `replies`; a worker that dies on its own (a broken start-up) fails the check at once. */
async function progressTo(run: Awaited<ReturnType<typeof ticketRun>>, replies: number): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while ((await replyTotal(pool, run.prefix).catch(() => 0)) < replies) {
    const dead = run.workers.find((worker) => worker.exitCode !== null || worker.signalCode !== null);
    if (dead) throw new Error(`worker ${dead.pid} exited (${dead.exitCode ?? dead.signalCode}) before the kill`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${replies} replies`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function sigkill(pid: number): Promise<boolean> {
  process.kill(pid, 'SIGKILL');
  await until(async () => !isAlive(pid), `pid ${pid} to exit`, 30_000);
  return true;
}

describe('crashes on the cluster', () => {
  it(`loses no ticket when the Temporal server is SIGKILLed with ${sizes.serverKill} in flight`, async () => {
    const startedAt = Date.now();
    const run = await ticketRun(sizes.serverKill, 1);
    const third = Math.floor(run.ids.length / 3);
    await progressTo(run, third);
    const killedPid = serverPid();
    const killedAt = Date.now();
    expect(await sigkill(killedPid)).toBe(true);
    const repliesAtKill = await replyTotal(pool, run.prefix);
    // The stack restarts the server, as compose's restart policy does; the same PostgreSQL holds every shard.
    await until(async () => serverPid() !== killedPid, 'a restarted server', 60_000);
    const { temporalAddress, temporalCluster } = clusterStack();
    await waitForCluster(temporalAddress, temporalCluster.tlsCaPath);
    const downMs = Date.now() - killedAt;
    const result = await outcome(run);

    expect(repliesAtKill).toBeLessThan(run.ids.length); // the kill landed mid-run
    expect(result).toEqual({ failed: 0, replied: run.ids.length, lost: 0, duplicates: 0 });
    recordFigures('server-kill', {
      tickets: run.ids.length,
      shards: temporalCluster.shards,
      repliesAtKill,
      serverDownMs: downMs,
      ...result,
      durationMs: Date.now() - startedAt,
    });
  });

  it(`finishes ${sizes.workerKill} tickets when one of two workers is SIGKILLed mid-run`, async () => {
    const startedAt = Date.now();
    const run = await ticketRun(sizes.workerKill, 2);
    const third = Math.floor(run.ids.length / 3);
    await progressTo(run, third);
    const [victim, survivor] = run.workers;
    expect(await sigkill(victim!.pid!)).toBe(true);
    const repliesAtKill = await replyTotal(pool, run.prefix);
    const result = await outcome(run);

    expect(repliesAtKill).toBeLessThan(run.ids.length);
    expect(survivor!.exitCode).toBeNull();
    expect(result).toEqual({ failed: 0, replied: run.ids.length, lost: 0, duplicates: 0 });
    recordFigures('worker-kill', {
      tickets: run.ids.length,
      workers: 2,
      repliesAtKill,
      ...result,
      durationMs: Date.now() - startedAt,
    });
  });
});
