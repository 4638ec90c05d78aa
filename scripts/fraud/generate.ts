import { Pool } from 'pg';
import { runScript, scriptCommand } from '../../client/cli/script-args';
import { generate, type GenerateOptions } from '../../tooling/fraud-data/generate';

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
