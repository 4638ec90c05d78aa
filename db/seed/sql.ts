import type { PoolClient } from 'pg';

// PostgreSQL caps a statement at 65,535 bind parameters; stay well under it.
const maxParameters = 30_000;

/** Multi-row INSERT in as few round trips as the parameter cap allows. Values are always bound, never inlined. */
export async function insertRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  for (let offset = 0; offset < rows.length; offset += perStatement) {
    const batch = rows.slice(offset, offset + perStatement);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      if (row.length !== columns.length)
        throw new Error(`${table}: row has ${row.length} values, expected ${columns.length}`);
      const placeholders = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
  return rows.length;
}
