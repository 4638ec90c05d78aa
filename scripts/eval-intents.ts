/**
 * Held-out evaluation of the offline engine's intent classifier (naive Bayes, not an LLM). Trains on 80% of the
 * training CSVs, split deterministically by a hash of the text, and scores the production classify path on the
 * other 20%. Prints the results and writes them as Markdown to reports/intent-eval.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { taxonomySchema } from '../domain/taxonomy';
import { departments } from '../domain/ticket';
import { createOfflineClassifier } from '../activities/model/offline/classify';
import {
  loadTrainingExamples,
  splitHeldOut,
  trainIntentClassifier,
} from '../activities/model/offline/intent-classifier';

const root = join(__dirname, '..');
const HELD_OUT_FRACTION = 0.2;

type Table = { headers: string[]; rows: string[][] };

function plain({ headers, rows }: Table): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)));
  return [line(headers).join('  '), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r).join('  '))]
    .map((l) => `  ${l}`)
    .join('\n');
}

function markdown({ headers, rows }: Table): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(headers), row(headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

function main(): void {
  const taxonomy = taxonomySchema.parse(JSON.parse(readFileSync(join(root, 'prompts/ticket/taxonomy.json'), 'utf8')));
  const department = new Map(taxonomy.intents.map((i) => [i.id, i.department]));
  const examples = loadTrainingExamples(join(root, 'prompts/ticket/training'));
  const { train, heldOut } = splitHeldOut(examples, HELD_OUT_FRACTION);

  const started = performance.now();
  const model = trainIntentClassifier(train);
  const trainMs = performance.now() - started;
  const classify = createOfflineClassifier(taxonomy, model);

  const results = heldOut.map((e) => ({ actual: e.label, predicted: classify({ conversation: [e.text] }).intent }));
  const intentHits = results.filter((r) => r.actual === r.predicted).length;
  const deptOf = (id: string) => department.get(id)!;
  const deptHits = results.filter((r) => deptOf(r.actual) === deptOf(r.predicted)).length;

  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const perLabel: Table = {
    headers: ['intent', 'support', 'precision', 'recall'],
    rows: labels.map((label) => {
      const tp = results.filter((r) => r.actual === label && r.predicted === label).length;
      const predicted = results.filter((r) => r.predicted === label).length;
      const support = results.filter((r) => r.actual === label).length;
      return [label, String(support), pct(tp, predicted), pct(tp, support)];
    }),
  };
  const confusion: Table = {
    headers: ['actual \\ predicted', ...departments],
    rows: departments.map((actual) => [
      actual,
      ...departments.map((p) =>
        String(results.filter((r) => deptOf(r.actual) === actual && deptOf(r.predicted) === p).length),
      ),
    ]),
  };

  const summary = [
    `Examples: ${examples.length} (train ${train.length}, held out ${heldOut.length}, hash split ${HELD_OUT_FRACTION})`,
    `Training time: ${trainMs.toFixed(0)} ms; fitted temperature ${model.temperature.toFixed(3)}`,
    `Intent accuracy: ${pct(intentHits, heldOut.length)} (${intentHits}/${heldOut.length})`,
    `Department accuracy: ${pct(deptHits, heldOut.length)} (${deptHits}/${heldOut.length})`,
  ];
  const caveat =
    'Held-out rows come from the same sources as the training rows: Bitext generated text (CDLA-Sharing-1.0) and ' +
    "Switchboard's own examples. Neither is real customer traffic, so these figures flatter the model.";

  console.log(`Offline intent classifier (naive Bayes, not an LLM), taxonomy ${taxonomy.version}\n`);
  console.log(`${summary.join('\n')}\n\nPer intent:\n${plain(perLabel)}\n`);
  console.log(`Department confusion (rows actual, columns predicted):\n${plain(confusion)}\n\n${caveat}`);

  const report = [
    `# Intent classifier evaluation`,
    '',
    `Offline engine (naive Bayes over words and character n-grams, not an LLM), taxonomy ${taxonomy.version}.`,
    '',
    ...summary.map((s) => `- ${s}`),
    '',
    '## Per intent',
    '',
    markdown(perLabel),
    '',
    '## Department confusion (rows actual, columns predicted)',
    '',
    markdown(confusion),
    '',
    caveat,
    '',
  ].join('\n');
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports/intent-eval.md'), report);
  console.log('\nWrote reports/intent-eval.md');
}

main();
