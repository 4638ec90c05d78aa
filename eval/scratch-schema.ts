import { Pool } from 'pg';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function homeSchema(pool: Pool, table: string): Promise<string> {
  const { rows } = await pool.query(
    `SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = to_regclass($1)`,
    [table],
  );
  if (!rows[0]) throw new Error(`table ${table} is missing: run \`npm run migrate\` against this database first`);
  return rows[0].schema as string;
}

/**
 * Empty copies of `tables` (columns, defaults, checks; no rows, no indexes) in a schema of their own, dropped
 * afterwards. An evaluation fills and reads its copies, so it never sees what other runs, tests or workers changed in
 * the shared tables, and never changes them.
 */
export async function withScratchSchema<T>(
  pool: Pool,
  prefix: string,
  tables: readonly string[],
  work: (scratch: Pool) => Promise<T>,
): Promise<T> {
  const home = quote(await homeSchema(pool, tables[0]!));
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await pool.query(`CREATE SCHEMA ${schema}`);
  // Only the scratch schema on the path: unqualified TRUNCATE, DROP INDEX or INSERT cannot reach the shared tables.
  const scratch = new Pool({ ...pool.options, max: 2, options: `-c search_path=${schema}` });
  try {
    for (const table of tables) {
      await pool.query(
        `CREATE TABLE ${schema}.${table} (LIKE ${home}.${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
      );
    }
    return await work(scratch);
  } finally {
    await scratch.end();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}
