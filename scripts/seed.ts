import { Pool } from 'pg';
import { loadConfigOrExit, requireDatabaseUrl } from '../config';
import { seed } from '../db/seed';

/** Replaces the demonstration CRM, billing, network and compliance tables with the seed data. Never on production data. */
async function main(): Promise<void> {
  const pool = new Pool({ connectionString: requireDatabaseUrl(loadConfigOrExit()), max: 2 });
  try {
    const counts = await seed(pool, { referenceDate: new Date().toISOString().slice(0, 10) });
    for (const [table, rows] of Object.entries(counts)) console.log(`${table}: ${rows}`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
