import type { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { connectClient, createTicketClient, ticketPolicyFromConfig } from '../../client';
import { e2eConfig, outboxFor, startTicket, workerProcess } from './support';

describe('a worker killed mid-ticket', () => {
  it('is replaced by a new worker that finishes the ticket with exactly one reply', async () => {
    const config = e2eConfig({ OFFLINE_LATENCY: '2s' });
    const spawnWorker = workerProcess(config, { OFFLINE_LATENCY: '2s' });
    const connection = await connectClient(config);
    const pool = new Pool({ connectionString: config.DATABASE_URL, max: 1 });
    const tickets = createTicketClient({
      client: connection.client,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      policy: ticketPolicyFromConfig(config),
    });
    let first: ChildProcess | undefined = spawnWorker();
    let second: ChildProcess | undefined;
    try {
      const ticketId = await startTicket(tickets, 'KILL', {
        accountId: 'ACC-1002',
        channel: 'chat',
        message: 'Why was I charged $45 for international roaming in Thailand? I have a plan that includes roaming.',
      });
      const deadline = Date.now() + 60_000;
      while ((await tickets.status(ticketId).catch(() => null))?.stage !== 'drafting') {
        if (Date.now() > deadline) throw new Error('ticket never reached drafting');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      first.kill('SIGKILL');
      await new Promise((resolve) => first!.once('exit', resolve));
      first = undefined;

      second = spawnWorker();
      const result = await tickets.result(ticketId);
      expect(result.outcome).toBe('replied');
      const replies = (await outboxFor(pool, ticketId)).filter((message) => message.kind === 'reply');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.body).toBe(result.reply);
    } finally {
      first?.kill('SIGKILL');
      second?.kill('SIGTERM');
      if (second) await new Promise((resolve) => second!.once('exit', resolve));
      await connection.close();
      await pool.end();
    }
  }, 120_000);
});
