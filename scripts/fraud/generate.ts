import { Pool } from 'pg';
import { runScript, scriptCommand } from '../../client/cli/script-args';
import { ChunkLoader } from './loader';
import { generateAccount } from './population';
import { indexes, tableNames, type TableName } from './schema';

export interface GenerateOptions {
  accounts: number;
  days: number;
  seed: number;
  end: string; // YYYY-MM-DD, the last generated day (UTC)
}

export interface GenerateResult {
  counts: Record<TableName, number>;
  loadMs: number;
  indexMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Rebuilds the fraud tables from scratch. Indexes are dropped first and rebuilt after the load: one sorted build
 * per index is several times faster than maintaining them row by row across tens of millions of inserts.
 */
export async function generate(pool: Pool, options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  await pool.query(`TRUNCATE ${tableNames.join(', ')}`);
  for (const name of Object.keys(indexes)) await pool.query(`DROP INDEX IF EXISTS ${name}`);

  const startMs = Date.parse(`${options.end}T00:00:00Z`) - (options.days - 1) * DAY_MS;
  const dayCache = new Map<number, string>();
  const day = (offset: number): string => {
    let text = dayCache.get(offset);
    if (text === undefined) {
      text = new Date(startMs + offset * DAY_MS).toISOString().slice(0, 10);
      dayCache.set(offset, text);
    }
    return text;
  };
  const out = new ChunkLoader(pool);
  const ctx = { days: options.days, start: startMs / 1000, day, out };
  for (let id = 1; id <= options.accounts; id++) {
    generateAccount(ctx, options.seed, id);
    if (id % 64 === 0) await out.flushFull();
  }
  await out.finish();
  const loaded = Date.now();

  // Two at a time: one per core, and each build is mostly CPU-bound sorting.
  const pending = Object.entries(indexes);
  const build = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      await pool.query(`CREATE INDEX ${next[0]} ON ${next[1]}`);
    }
  };
  await Promise.all([build(), build()]);
  await pool.query(`ANALYZE ${tableNames.join(', ')}`);
  return { counts: out.counts, loadMs: loaded - started, indexMs: Date.now() - loaded };
}

/** `npm run data:generate -- --accounts N --days D [--seed S] [--end YYYY-MM-DD]` */
export async function parseGenerateOptions(argv: string[]): Promise<GenerateOptions> {
  const { program, Option, values } = await scriptCommand(
    'npm run data:generate --',
    'Rebuild the fraud tables (DATABASE_URL) with a deterministic synthetic population and its labelled frauds',
  );
  program
    .addOption(
      new Option('--accounts <n>', 'accounts in the population')
        .argParser(values.positiveInteger)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--days <n>', 'days of usage per account').argParser(values.positiveInteger).makeOptionMandatory(),
    )
    .addOption(new Option('--seed <n>', 'seed of the generator').argParser(values.nonNegativeInteger).default(42))
    .addOption(
      new Option('--end <date>', 'the last generated day, YYYY-MM-DD')
        .argParser(values.isoDate)
        .default(new Date().toISOString().slice(0, 10), 'today (UTC)'),
    );
  return program.parse(argv, { from: 'user' }).opts<GenerateOptions>();
}

async function main(): Promise<void> {
  const options = await parseGenerateOptions(process.argv.slice(2));
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    const result = await generate(pool, options);
    console.log(`${options.accounts} accounts x ${options.days} days, seed ${options.seed}, ending ${options.end}`);
    for (const [table, rows] of Object.entries(result.counts)) console.log(`  ${table.padEnd(22)} ${rows}`);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    console.log(`  ${'total'.padEnd(22)} ${total}`);
    console.log(`load ${(result.loadMs / 1000).toFixed(1)} s, indexes ${(result.indexMs / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

if (require.main === module) runScript(main);
