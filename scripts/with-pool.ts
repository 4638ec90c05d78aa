import { Pool } from 'pg';
import { loadConfigOrExit, requireDatabaseUrl } from '../config';

/** One connection for an administrator's command, closed whatever happens: DATABASE_URL, the owner's. */
export async function withPool<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: requireDatabaseUrl(loadConfigOrExit()), max: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}
