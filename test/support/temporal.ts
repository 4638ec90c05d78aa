import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, Worker, type WorkerOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { sharedForFile } from './shared-for-file';

let runtimeInstalled = false;

/** Keeps SDK chatter out of test output; warnings and errors still show. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
}

export function stackEnv(): { temporalAddress: string; databaseUrl: string; bundlePath: string } {
  const { TEMPORAL_ADDRESS, DATABASE_URL, WORKFLOW_BUNDLE_PATH } = process.env;
  if (!TEMPORAL_ADDRESS || !DATABASE_URL || !WORKFLOW_BUNDLE_PATH) {
    throw new Error('test stack not set up: run through jest (globalSetup) or set TEMPORAL_ADDRESS and DATABASE_URL');
  }
  return { temporalAddress: TEMPORAL_ADDRESS, databaseUrl: DATABASE_URL, bundlePath: WORKFLOW_BUNDLE_PATH };
}

export interface TemporalHarness {
  client: Client;
  taskQueue: string;
  /** A worker on the shared, once-built bundle, with whatever activities the test supplies. */
  worker(activities: WorkerOptions['activities'], options?: Partial<WorkerOptions>): Promise<Worker>;
  close(): Promise<void>;
}

export async function temporalHarness(): Promise<TemporalHarness> {
  quietRuntime();
  const env = stackEnv();
  const connection = await Connection.connect({ address: env.temporalAddress });
  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  const taskQueue = `test-${randomUUID()}`;
  return {
    client: new Client({ connection }),
    taskQueue,
    worker: (activities, options = {}) =>
      Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowBundle: { codePath: env.bundlePath },
        activities,
        ...options,
      }),
    close: async () => {
      await connection.close();
      await nativeConnection.close();
    },
  };
}

/** The harness a test file shares: opened before its first test and closed after its last. */
export const temporalHarnessForFile = () => sharedForFile(temporalHarness);

/**
 * Ends a fault run an earlier test run left going, if there is one: a fault's id is its alert's fingerprint, so a
 * diagnosis still running would absorb the alert this test sends.
 */
export async function clearLeftoverFault(client: Client, workflowId: string, reason: string): Promise<void> {
  await client.workflow
    .getHandle(workflowId)
    .terminate(reason)
    .catch(() => undefined);
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
