import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { connectClient, createTicketClient, ticketPolicyFromConfig, type TicketClient } from '../../client';
import { parseConfig, type Config } from '../../config';
import { generateChainKeyEntry } from '../../activities/audit/chain-keys';
import { generateKeyEntry } from '../../security/keyring';
import type { ModelProvider } from '../../activities/model/contract';
import type { TicketInput, TicketStatus } from '../../domain/ticket';
import { startWorker, type RunningWorker } from '../../workers/main';
import { quietRuntime, stackEnv } from '../support/temporal';

export interface E2EHarness {
  config: Config;
  pool: Pool;
  tickets: TicketClient;
  worker: RunningWorker;
  close(): Promise<void>;
}

// The stack's key when jest was given one, else a throwaway for this test process: e2e always runs encrypted.
const codecKeys = process.env.PAYLOAD_CODEC_KEYS || generateKeyEntry('e2e-1');
// The run's chain key (global-setup sets one for every test process), so the shared audit chain verifies.
const chainKeys = process.env.AUDIT_CHAIN_KEYS || generateChainKeyEntry('e2e-1');
/** The stack's database as the application's login, when the stack made one: workers connect so, as in production. */
export const workerDatabaseUrl = (config: Config): string =>
  config.DATABASE_URL === stackEnv().databaseUrl && process.env.DATABASE_APP_URL
    ? process.env.DATABASE_APP_URL
    : config.DATABASE_URL!;

// Each test has its own task queue; the one test that needs a schedule creates it for its own.
export const schedulesOff = {
  ACMA_SCHEDULE: 'off',
  FRAUD_SCHEDULE: 'off',
  FAIRNESS_SCHEDULE: 'off',
  AUDIT_ANCHOR_SCHEDULE: 'off',
} as const;

/** Keys as a process's environment carries them: `id:base64` entries, comma-separated. */
export const keyListEnv = (keys: readonly { id: string; key: string }[] | undefined): string =>
  (keys ?? []).map(({ id, key }) => `${id}:${key}`).join(',');

/** What a worker or API process reads from its environment to run on `config`'s stack, as the application's login. */
export function stackProcessEnv(config: Config): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    DATABASE_URL: workerDatabaseUrl(config),
    PAYLOAD_CODEC_KEYS: keyListEnv(config.PAYLOAD_CODEC_KEYS),
    AUDIT_CHAIN_KEYS: keyListEnv(config.AUDIT_CHAIN_KEYS),
    ...schedulesOff,
  };
}

export function e2eConfig(overrides: Record<string, string> = {}): Config {
  const env = stackEnv();
  return parseConfig({
    TEMPORAL_ADDRESS: env.temporalAddress,
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_TASK_QUEUE: `e2e-${randomUUID()}`,
    WORKFLOW_BUNDLE_PATH: env.bundlePath,
    PAYLOAD_CODEC_KEYS: codecKeys,
    AUDIT_CHAIN_KEYS: chainKeys,
    ...schedulesOff,
    ...overrides,
  });
}

/** A real worker (real activities, real PostgreSQL, offline engine unless a provider is given) and a client. */
export async function e2eHarness(
  options: { provider?: ModelProvider; env?: Record<string, string> } = {},
): Promise<E2EHarness> {
  quietRuntime();
  const config = e2eConfig(options.env);
  // The worker as the application's role; the test's own pool (below) stays the owner's, for seeding and checks.
  const worker = await startWorker(
    { ...config, DATABASE_URL: workerDatabaseUrl(config) },
    {
      workflowBundlePath: config.WORKFLOW_BUNDLE_PATH,
      provider: options.provider,
    },
  );
  const connection = await connectClient(config);
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  pool.on('error', () => {}); // the stack may stop before an idle connection closes
  pool.on('connect', (client) => client.on('error', () => {})); // and report it twice (see workers/activity-wiring.ts)
  const tickets = createTicketClient({
    client: connection.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    policy: ticketPolicyFromConfig(config),
  });
  return {
    config,
    pool,
    tickets,
    worker,
    close: async () => {
      await connection.close();
      worker.worker.shutdown();
      await worker.done;
      await pool.end();
    },
  };
}

export const uniqueTicketId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Opens a ticket under a fresh id made from `prefix`, and returns the id. */
export async function startTicket(
  tickets: TicketClient,
  prefix: string,
  ticket: Omit<TicketInput, 'ticketId'>,
): Promise<string> {
  const ticketId = uniqueTicketId(prefix);
  await tickets.start({ ticketId, ...ticket });
  return ticketId;
}

/** The ticket's status once `reached` holds of it; polled, since nothing pushes a status to a test. */
export async function waitForTicket(
  tickets: TicketClient,
  ticketId: string,
  reached: (status: TicketStatus) => boolean,
  what = 'the expected state',
): Promise<TicketStatus> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const status = await tickets.status(ticketId).catch(() => null);
    if (status && reached(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ticket ${ticketId} never reached ${what}`);
}

export async function outboxFor(pool: Pool, ticketId: string) {
  const result = await pool.query('SELECT kind, body, author FROM outbox WHERE ticket_id = $1 ORDER BY id', [ticketId]);
  return result.rows as Array<{ kind: string; body: string; author: string }>;
}

/**
 * A worker as production runs it: its own process, configured from the environment, for the same task queue and
 * stack as `config`. Returns a starter, so a test can kill one and start its replacement.
 */
export function workerProcess(config: Config, extra: Record<string, string> = {}): () => ChildProcess {
  const root = join(__dirname, '..', '..');
  const env = {
    ...process.env,
    ...stackProcessEnv(config),
    WORKFLOW_BUNDLE_PATH: config.WORKFLOW_BUNDLE_PATH!,
    ...extra,
  };
  return () =>
    // One process, not the tsx launcher and its child: a SIGKILL must reach the worker itself.
    spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
}
