import type { Block, UseCaseReport, UseCaseRun } from './blocks';
import { fmt } from './format';
import { abSection, confusionTable, headlineTable, markdownPage, table } from './markdown';

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `### ${b.text}`;
    case 'text':
      return b.text;
    case 'table':
      return table(b.headers, b.rows);
    case 'confusion':
      return `**${b.title}** (rows actual, columns predicted)\n\n${confusionTable(b.confusion)}`;
    case 'bars':
      return `**${b.title}**\n\n${table(
        [b.axis, ...b.series.map((s) => s.label)],
        b.labels.map((label, i) => [label, ...b.series.map((s) => fmt(s.data[i], b.unit))]),
      )}`;
  }
}

function details<F>(report: UseCaseReport<F>, run: UseCaseRun<F>): string {
  const versions = Object.entries(run.promptVersions)
    .map(([id, v]) => `\`${id}\` ${v}`)
    .join(', ');
  return [
    `## Details: ${run.label} (${run.provider}, ${run.model}${run.runId ? `, eval_runs #${run.runId}` : ''})`,
    '',
    `Prompt versions: ${versions}.`,
    '',
    ...report.blocks(run.figures).flatMap((b) => [block(b), '']),
  ].join('\n');
}

export function renderUseCaseMarkdown<F>(report: UseCaseReport<F>): string {
  return markdownPage(report, headlineTable(report.runs, report.headlines), [
    abSection(report.runs, report.ab, report.unit),
    ...report.runs.map((run) => details(report, run)),
  ]);
}
