import { loadConfigOrExit, requireDatabaseUrl } from '../config';
import { migrateUp } from '../db/migrate';

async function main(): Promise<void> {
  const databaseUrl = requireDatabaseUrl(loadConfigOrExit());
  const applied = await migrateUp(databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
