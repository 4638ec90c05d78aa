import type { Pool } from 'pg';
import { insertSql, tableNames, tables, type TableName } from './schema';

type Value = string | number | boolean;

/**
 * Buffers rows per table as column arrays and sends each full chunk as one INSERT ... SELECT FROM unnest(...).
 * At most `parallel` chunks are in flight, so memory stays flat however many accounts are generated, and the
 * next chunk is built while PostgreSQL writes the previous one.
 */
export class ChunkLoader {
  readonly counts = Object.fromEntries(tableNames.map((t) => [t, 0])) as Record<TableName, number>;
  private readonly buffers = new Map<TableName, Value[][]>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly sql = new Map(tableNames.map((t) => [t, insertSql(t)]));

  constructor(
    private readonly pool: Pool,
    private readonly chunkRows = 5000,
    private readonly parallel = 2,
  ) {}

  add(table: TableName, ...row: Value[]): void {
    let columns = this.buffers.get(table);
    if (!columns) {
      columns = tables[table].map(() => []);
      this.buffers.set(table, columns);
    }
    for (let i = 0; i < row.length; i++) (columns[i] as Value[]).push(row[i] as Value);
    this.counts[table]++;
  }

  /** Called between accounts: ships any table whose buffer has reached the chunk size. */
  async flushFull(): Promise<void> {
    for (const [table, columns] of this.buffers) {
      if ((columns[0]?.length ?? 0) >= this.chunkRows) await this.ship(table, columns);
    }
  }

  async finish(): Promise<void> {
    for (const [table, columns] of this.buffers) if ((columns[0]?.length ?? 0) > 0) await this.ship(table, columns);
    await Promise.all(this.inflight);
  }

  private async ship(table: TableName, columns: Value[][]): Promise<void> {
    this.buffers.delete(table);
    while (this.inflight.size >= this.parallel) await Promise.race(this.inflight);
    const done: Promise<void> = this.pool.query(this.sql.get(table) as string, columns).then(() => {
      this.inflight.delete(done);
    });
    this.inflight.add(done);
  }
}
