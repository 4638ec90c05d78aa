import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../config';
import type { StackInfo } from '../../tooling/stack';
import type { TokenRole } from '../../tooling/stack/temporal-auth';
import type { ClusterInfo } from '../../tooling/stack/temporal-cluster';

const root = join(__dirname, '..', '..');
export type ClusterStack = StackInfo & { temporalCluster: ClusterInfo };

export function clusterStack(): ClusterStack {
  const file = process.env.CLUSTER_STACK_FILE;
  if (!file) throw new Error('the cluster is not set up: run through jest --selectProjects cluster');
  return JSON.parse(readFileSync(file, 'utf8')) as ClusterStack;
}

export const tokenFor = (role: TokenRole) =>
  readFileSync(join(clusterStack().temporalCluster.tokensDir, `${role}.jwt`), 'utf8');

/** Temporal's standard client variables (the names the `temporal` CLI and envconfig read), with a role's token. */
export function temporalEnv(token: string | null): Record<string, string> {
  const { temporalAddress, temporalCluster } = clusterStack();
  return {
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: temporalCluster.tlsCaPath,
    TEMPORAL_TLS_SERVER_NAME: temporalCluster.tlsServerName,
    ...(token ? { TEMPORAL_API_KEY: token } : {}),
  };
}

/** Everything a worker or client of the cluster stack reads, for one task queue. */
function componentEnv(token: string | null, taskQueue: string): Record<string, string> {
  const stack = clusterStack();
  return {
    ...temporalEnv(token),
    DATABASE_URL: stack.appDatabaseUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: process.env.CLUSTER_WORKFLOW_BUNDLE_PATH!,
    PAYLOAD_CODEC_KEYS: stack.codecKeys,
    AUDIT_CHAIN_KEYS: stack.auditChainKeys,
    ACMA_SCHEDULE: 'off',
    FRAUD_SCHEDULE: 'off',
    FAIRNESS_SCHEDULE: 'off',
    AUDIT_ANCHOR_SCHEDULE: 'off',
  };
}

export const newTaskQueue = () => `cluster-${randomUUID()}`;

/** A client's configuration with the given token (null: none), as the API would parse it. */
export const clusterConfig = (token: string | null, taskQueue: string): Config =>
  parseConfig({ ...componentEnv(token, taskQueue), DATABASE_URL: clusterStack().databaseUrl });

/** Starts worker processes as production runs them: configured from the environment, with the worker's token. */
export function workerStarter(taskQueue: string, extra: Record<string, string> = {}): () => ChildProcess {
  // The run's other stack (TEMPORAL_ADDRESS and friends) must not leak in: every Temporal variable comes from here.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_')));
  const env = { ...inherited, ...componentEnv(tokenFor('worker'), taskQueue), ...extra };
  // One process, not the tsx launcher and its child: a SIGKILL must reach the worker itself.
  return () =>
    spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
}

export { processAlive as isAlive } from '../../tooling/stack/processes';

export const serverPid = () => Number(readFileSync(clusterStack().temporalCluster.serverPidFile, 'utf8'));

export type ClusterSize = 'ci' | 'full';
export const clusterSize: ClusterSize = process.env.CLUSTER_SIZE === 'full' ? 'full' : 'ci';
/** `npm run test:cluster` runs the full size; `make test` the same checks with fewer tickets. */
export const sizes = { ci: { serverKill: 40, workerKill: 40 }, full: { serverKill: 200, workerKill: 200 } }[
  clusterSize
];

/** Each check's figures, for the README's table to be copied from a run. */
export function recordFigures(check: string, figures: Record<string, number | string | boolean>): void {
  const dir = join(root, '.data', 'cluster-results');
  mkdirSync(dir, { recursive: true });
  const entry = { check, size: clusterSize, recordedAt: new Date().toISOString(), figures };
  writeFileSync(join(dir, `${check}.json`), JSON.stringify(entry, null, 2));
}

const grpcStatus: Record<number, string> = { 5: 'NOT_FOUND', 7: 'PERMISSION_DENIED', 16: 'UNAUTHENTICATED' };

/** 'accepted', or the gRPC status the server refused the call with, wherever the SDK put it. */
export async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'accepted';
  } catch (error) {
    for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
      const code = (cause as { code?: unknown }).code;
      if (typeof code === 'number') return grpcStatus[code] ?? String(code);
    }
    return `failed: ${(error as Error).message}`;
  }
}
