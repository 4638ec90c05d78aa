import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { connectClient, createTicketClient, ticketPolicyFromConfig, type TicketClient } from '../../client';
import type { Config } from '../../config';
import { e2eConfig, stackProcessEnv, uniqueTicketId } from './support';
import { freePort } from '../support/free-port';

/** The worker as production runs it (its own process, so its own Runtime), with stdout and stderr kept. */
function spawnWorker(config: Config, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const chunks: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, ...stackProcessEnv(config), WORKFLOW_BUNDLE_PATH: config.WORKFLOW_BUNDLE_PATH!, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { child, output: () => chunks.join('') };
}

async function scrapeUntil(url: string, wanted: RegExp[], timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await fetch(url)
      .then((response) => response.text())
      .catch(() => '');
    if (wanted.every((pattern) => pattern.test(text))) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const missing = wanted.filter((pattern) => !pattern.test(text)).map(String);
  throw new Error(`metrics never showed ${missing.join(', ')}; last scrape:\n${text.slice(0, 2000)}`);
}

describe('the worker process, observed', () => {
  const marker = `OBS-MARKER-${randomUUID()}`;
  const config = e2eConfig({ OFFLINE_LATENCY: '1s' });
  let worker: ReturnType<typeof spawnWorker>;
  let connection: Awaited<ReturnType<typeof connectClient>>;
  let tickets: TicketClient;
  let metricsUrl: string;
  let ticketId: string;
  let duringRun: string;
  let afterRun: string;
  let route: string;

  beforeAll(async () => {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    worker = spawnWorker(config, {
      OFFLINE_LATENCY: '1s',
      WORKER_METRICS_ADDRESS: `127.0.0.1:${port}`,
      // The most the worker will log: a customer's words must stay out even then.
      LOG_LEVEL: 'debug',
    });
    connection = await connectClient(config);
    tickets = createTicketClient({
      client: connection.client,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      policy: ticketPolicyFromConfig(config),
    });
    ticketId = uniqueTicketId('OBS');
    await tickets.start({
      ticketId,
      accountId: 'ACC-1002',
      channel: 'chat',
      message: `Why was I charged $45 for international roaming in Thailand? My plan includes roaming. Ref ${marker}`,
    });
    // Scraped while the ticket is still open: classified, drafting under the offline engine's latency.
    duringRun = await scrapeUntil(metricsUrl, [
      /^temporal_workflow_task_execution_latency_bucket\{/m,
      /^switchboard_model_calls_total\{[^}]*task="classify_intent"/m,
    ]);
    expect((await tickets.status(ticketId))?.stage).not.toBe('completed');
    const result = await tickets.result(ticketId);
    route = result.route;
    afterRun = await scrapeUntil(metricsUrl, [
      new RegExp(`^switchboard_ticket_routes_total\\{route="${route}"\\} 1$`, 'm'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    if (worker && worker.child.exitCode === null) {
      const exited = new Promise((resolve) => worker.child.once('exit', resolve));
      worker.child.kill('SIGTERM');
      await exited;
    }
  });

  it("serves the SDK's metrics and Switchboard's on one endpoint during a ticket run", () => {
    for (const name of [
      'temporal_workflow_task_execution_latency_bucket',
      'temporal_worker_task_slots_available',
      'temporal_sticky_cache_size',
      'switchboard_model_tokens_total',
      'switchboard_model_cost_microusd_total',
      'switchboard_approvals_waiting',
    ]) {
      expect(duringRun).toMatch(new RegExp(`^${name}\\b`, 'm'));
    }
    expect(afterRun).toMatch(/^temporal_activity_execution_latency_bucket\{/m);
    expect(afterRun).toMatch(/^switchboard_model_calls_total\{[^}]*task="draft_reply"/m);
    // Findings appear only once a draft has one; every checked draft is counted.
    expect(afterRun).toMatch(/^switchboard_guardrail_checks_total\{outcome="(clean|findings)"\} [1-9]/m);
    expect(afterRun).toMatch(/^switchboard_approvals_waiting\{kind="ticket_review"\} \d+$/m);
  });

  it("logs JSON lines with workflow and activity ids, and never the customer's text", () => {
    const output = worker.output();
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line.slice(0, 200)}`);
      }
    });
    for (const entry of entries) expect(typeof entry.level).toBe('number');
    const ours = entries.filter((entry) => String(entry.workflowId ?? '').includes(ticketId));
    expect(ours.some((entry) => typeof entry.activityId === 'string')).toBe(true);
    expect(ours.some((entry) => entry.activityId === undefined && typeof entry.runId === 'string')).toBe(true);
    expect(output).not.toContain(marker);
    expect(output).not.toContain('Thailand');
  });
});
