import { join } from 'node:path';

export const migrationsDir = join(__dirname, 'migrations');

/** Versioned migrations through node-pg-migrate; its lock makes concurrent starts safe. */
export async function migrateUp(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const { runner } = await import('node-pg-migrate');
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    count: Infinity,
    log: (message: string) => log(message),
    verbose: false,
  });
  return applied.map((migration: { name: string }) => migration.name);
}
