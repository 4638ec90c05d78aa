import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { connectClient, createTicketClient, ticketPolicyFromConfig, type SwitchboardConnection } from '../../client';
import { e2eConfig } from '../e2e/support';
import { recordResult } from './results';
import { sizes } from './size';
import { isAlive, singleProcessWorker } from './worker-process';
import { repliesFor, replyTotal, resultsOf, retriesSeen, startAll, ticketIds, until } from './tickets';

// Slow enough that every kill lands with tickets mid-activity, fast enough to finish in minutes. Four activities at a
// time turn replies into a steady stream: with every ticket in flight at once, the short steps running locally let
// the last quarter finish between two polls of the outbox, and a kill would then land after the run was over.
const env = { OFFLINE_LATENCY: '300ms', WORKER_MAX_CONCURRENT_ACTIVITIES: '4' };
const config = e2eConfig(env);
const spawnWorker = singleProcessWorker(config, env);
let connection: SwitchboardConnection;
let pool: Pool;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  connection = await connectClient(config);
  pool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  pool.on('error', () => {});
});
afterAll(async () => {
  worker?.kill('SIGTERM');
  if (worker && worker.exitCode === null) await new Promise((resolve) => worker!.once('exit', resolve));
  await connection?.close();
  await pool?.end();
});

/** Resolves with whether the pid is gone: a kill that leaves the worker running would prove nothing. */
async function kill(process_: ChildProcess): Promise<boolean> {
  const exited = new Promise((resolve) => process_.once('exit', resolve));
  process_.kill('SIGKILL');
  await exited;
  return !isAlive(process_.pid);
}

describe(`the worker SIGKILLed ${sizes.kills} times during ${sizes.killRunTickets} tickets`, () => {
  it('finishes every ticket with exactly one reply and no duplicate handoffs', async () => {
    const tickets = createTicketClient({
      client: connection.client,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      policy: ticketPolicyFromConfig(config),
    });
    const prefix = `KILL-${randomUUID().slice(0, 8)}`;
    const ids = ticketIds(prefix, sizes.killRunTickets);
    const startedAt = Date.now();
    worker = spawnWorker();
    await startAll(tickets, ids);

    // Kills are spaced by progress, not by the clock, so each one hits a run that is still under way.
    const repliesAtKill: number[] = [];
    const killed: boolean[] = [];
    for (let k = 1; k <= sizes.kills; k++) {
      const threshold = Math.floor((ids.length * k) / (sizes.kills + 1));
      await until(async () => (await replyTotal(pool, prefix)) >= threshold, `${threshold} replies`, 10 * 60_000);
      killed.push(await kill(worker));
      repliesAtKill.push(await replyTotal(pool, prefix));
      worker = spawnWorker();
    }
    const results = await resultsOf(tickets, ids);
    const elapsedMs = Date.now() - startedAt;

    expect(results.filter((result) => result instanceof Error)).toEqual([]);
    expect(results.map((result) => (result instanceof Error ? 'failed' : result.outcome))).toEqual(
      ids.map(() => 'replied'),
    );
    // Every kill must have interrupted a run in progress, or the check proves nothing.
    expect(repliesAtKill.every((count) => count < ids.length)).toBe(true);
    expect(killed).toEqual(ids.slice(0, sizes.kills).map(() => true));
    // Work the dead workers held was timed out and retried by the server, not finished by a survivor.
    const retries = await retriesSeen(connection.client, ids);
    expect(retries).toBeGreaterThan(0);
    const perTicket = await repliesFor(pool, prefix);
    expect(perTicket.size).toBe(ids.length);
    expect([...perTicket.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    const handoffs = await pool.query(
      'SELECT ticket_id, kind, count(*) AS n FROM handoffs WHERE ticket_id LIKE $1 GROUP BY ticket_id, kind',
      [`${prefix}-%`],
    );
    expect(handoffs.rows.filter((row) => Number(row.n) > 1)).toEqual([]);

    await recordResult('worker-kill', {
      tickets: ids.length,
      kills: repliesAtKill.length,
      repliesAtKills: repliesAtKill.join('/'),
      completed: results.length,
      outboxReplies: await replyTotal(pool, prefix),
      duplicateReplies: [...perTicket.values()].filter((count) => count > 1).length,
      activityRetries: retries,
      durationMs: elapsedMs,
    });
  });
});
