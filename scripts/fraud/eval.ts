import { Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import { detectAnomalies } from '../../activities/fraud/detect';
import { loadConfigOrExit, requireDatabaseUrl } from '../../config';
import { runScript, scriptCommand } from '../../client/cli/script-args';
import { renderTable } from '../demo/table';

export interface FraudEvalOptions {
  /** The sweep date; without it, the latest day of the loaded population. */
  date?: string;
}

/** `npm run eval:fraud -- [--date YYYY-MM-DD]` */
export async function parseFraudEvalOptions(argv: string[]): Promise<FraudEvalOptions> {
  const { program, Option, values } = await scriptCommand(
    'npm run eval:fraud --',
    "Score fraud detection over the loaded population against the generator's labels: recall and precision per rule",
  );
  program.addOption(
    new Option('--date <date>', 'sweep date, YYYY-MM-DD (default: the latest day loaded)').argParser(values.isoDate),
  );
  return program.parse(argv, { from: 'user' }).opts<FraudEvalOptions>();
}

async function main(): Promise<void> {
  const options = await parseFraudEvalOptions(process.argv.slice(2));
  const pool = new Pool({ connectionString: requireDatabaseUrl(loadConfigOrExit()), max: 1 });
  try {
    const date: string =
      options.date ?? (await pool.query('SELECT max(day)::text AS d FROM fraud_data_sessions')).rows[0].d;
    const started = performance.now();
    const flags = await detectAnomalies(pool, date);
    const seconds = (performance.now() - started) / 1000;
    const labels = (
      await pool.query('SELECT account_id::text AS id, pattern, is_fraud FROM fraud_labels WHERE onset_on <= $1', [
        date,
      ])
    ).rows;
    const accounts = Number((await pool.query('SELECT count(*) AS n FROM fraud_accounts')).rows[0].n);
    const flagged = new Set(flags.map((f) => f.accountId));
    const byLabel = new Map(labels.map((l) => [l.id as string, l]));
    const fraud = labels.filter((l) => l.is_fraud);
    const rows = [...new Set(labels.map((l) => l.pattern as string))].sort().map((pattern) => {
      const group = labels.filter((l) => l.pattern === pattern);
      const caught = group.filter((l) => flagged.has(l.id)).length;
      return [pattern, group[0]?.is_fraud ? 'fraud' : 'look-alike', String(group.length), String(caught)];
    });
    // Precision per rule: of the accounts a rule flagged, how many carry a fraud label.
    const ruleRows = [...new Set(flags.map((f) => f.pattern))].sort().map((rule) => {
      const hits = flags.filter((f) => f.pattern === rule);
      const good = hits.filter((f) => byLabel.get(f.accountId)?.is_fraud).length;
      const labelled = fraud.filter((l) => l.pattern === rule);
      const recalled = labelled.filter((l) => flagged.has(l.id)).length;
      const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
      return [rule, String(hits.length), pct(good, hits.length), pct(recalled, labelled.length)];
    });
    const truePositives = [...flagged].filter((id) => byLabel.get(id)?.is_fraud).length;
    console.log(
      `Detection over ${accounts} accounts for ${date}: ${seconds.toFixed(1)} s, ${flagged.size} accounts flagged`,
    );
    console.log(renderTable(['pattern', 'kind', 'labelled', 'flagged'], rows));
    console.log(renderTable(['rule', 'flags', 'precision', 'recall'], ruleRows));
    console.log(`recall ${((100 * truePositives) / Math.max(1, fraud.length)).toFixed(1)}%`);
    console.log(`precision ${((100 * truePositives) / Math.max(1, flagged.size)).toFixed(1)}%`);
    console.log(
      `false-positive share of flags ${((100 * (flagged.size - truePositives)) / Math.max(1, flagged.size)).toFixed(1)}%`,
    );
  } finally {
    await pool.end();
  }
}

if (require.main === module) runScript(main);
