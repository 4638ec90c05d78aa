import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, stackDir, stackFile, startStack, type Profile, type StackInfo } from './index';
import { clusterEnvLines } from './temporal-cluster-env';

/**
 * `stack up [--profile dev|test] [--detach]` starts Temporal and PostgreSQL and stays up until SIGINT/SIGTERM.
 * `stack down [--profile ...]` stops a detached stack. `stack env` prints its variables for a shell.
 */
const [command = 'up', ...rest] = process.argv.slice(2);
const profile = (rest.includes('--profile') ? rest[rest.indexOf('--profile') + 1] : 'dev') as Profile;
const log = (line: string) => console.error(`[stack:${profile}] ${line}`);

function readInfo(): StackInfo | null {
  return existsSync(stackFile(profile)) ? (JSON.parse(readFileSync(stackFile(profile), 'utf8')) as StackInfo) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function up(): Promise<void> {
  const existing = readInfo();
  if (existing && alive(existing.supervisorPid)) {
    log(`already up (pid ${existing.supervisorPid})`);
    return;
  }
  if (rest.includes('--detach')) return detach();
  const stack = await startStack(profile, log);
  log('up; Ctrl-C to stop');
  const shutdown = async () => {
    log('stopping');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
}

async function detach(): Promise<void> {
  mkdirSync(stackDir(profile), { recursive: true });
  const out = openSync(join(stackDir(profile), 'supervisor.log'), 'w');
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'up', '--profile', profile], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  const deadline = Date.now() + 15 * 60_000; // a first run may build the Temporal CLI
  while (Date.now() < deadline) {
    if (readInfo()) return log(`up (pid ${child.pid}); logs in ${join(stackDir(profile), 'supervisor.log')}`);
    if (child.exitCode !== null) {
      const logText = readFileSync(join(stackDir(profile), 'supervisor.log'), 'utf8');
      throw new Error(`stack failed to start:\n${logText}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('stack did not come up in time');
}

async function down(): Promise<void> {
  const info = readInfo();
  if (!info || !alive(info.supervisorPid)) return log('not running');
  process.kill(info.supervisorPid, 'SIGTERM');
  while (alive(info.supervisorPid)) await new Promise((resolve) => setTimeout(resolve, 100));
  log('down');
}

function env(): void {
  const info = readInfo();
  if (!info) throw new Error(`no ${profile} stack is running`);
  console.log(
    [
      `export TEMPORAL_ADDRESS=${info.temporalAddress}`,
      // The application's login: what a worker, API or codec server started from this shell should use.
      `export DATABASE_URL=${info.appDatabaseUrl}`,
      `export DATABASE_OWNER_URL=${info.databaseUrl}`,
      `export PAYLOAD_CODEC_KEYS=${info.codecKeys}`,
      `export AUDIT_CHAIN_KEYS=${info.auditChainKeys}`,
      ...clusterEnvLines(info),
      // So `npm run codec-server` from this shell serves the endpoint the Web UI was given, for the UI's origin.
      ...(info.temporalUiUrl ? [`export TEMPORAL_UI_URL=${info.temporalUiUrl}`] : []),
      ...(info.codecEndpoint ? [`export CODEC_SERVER_PORT=${new URL(info.codecEndpoint).port}`] : []),
    ].join('\n'),
  );
}

const commands: Record<string, () => Promise<void> | void> = { up, down, env };
Promise.resolve()
  .then(() => (commands[command] ?? (() => Promise.reject(new Error(`unknown command ${command}`))))())
  .catch((error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
