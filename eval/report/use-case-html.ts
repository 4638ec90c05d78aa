import type { Block, Card, UseCaseReport, UseCaseRun } from './blocks';
import { chartJsSource } from '../../activities/evaluation/chart-js';
import { escapeHtml as esc } from '../../activities/evaluation/escape-html';
import { fmt } from './format';
import { abSection, headlineTable, htmlPage, table } from './html';
import { useCaseChartScript } from './use-case-charts';

type Chart = Extract<Block, { kind: 'confusion' | 'bars' }> & { id: string };

const cards = (items: Card[]) =>
  `<div class="cards">${items.map((c) => `<div class="card"><div class="k">${esc(c.label)}</div><div class="v">${esc(c.value)}</div><div class="s">${esc(c.detail)}</div></div>`).join('')}</div>`;

/** Renders one block; a chart is also pushed onto `charts`, for the page script to draw into its canvas. */
function block(b: Block, id: string, charts: Chart[]): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${esc(b.text)}</h3>`;
    case 'text':
      return `<p>${esc(b.text)}</p>`;
    case 'table':
      return table(
        b.headers,
        b.rows.map((r) => r.map(esc)),
        'num',
      );
    case 'confusion':
      charts.push({ ...b, id });
      return `<figure><figcaption>${esc(b.title)} (rows actual, columns predicted)</figcaption><div class="chart square"><canvas id="${id}"></canvas></div></figure>`;
    case 'bars': {
      charts.push({ ...b, id });
      const rows = b.labels.map((label, i) => [esc(label), ...b.series.map((s) => esc(fmt(s.data[i], b.unit)))]);
      return `<figure><figcaption>${esc(b.title)}</figcaption><div class="chart"><canvas id="${id}"></canvas></div></figure>
<details><summary>Values</summary>${table([b.axis, ...b.series.map((s) => s.label)], rows, 'num')}</details>`;
    }
  }
}

function runSection<F>(report: UseCaseReport<F>, run: UseCaseRun<F>, i: number, charts: Chart[]): string {
  // Heat maps side by side, two to a row, as on the tickets page; everything else full width.
  const body = report
    .blocks(run.figures)
    .map((b, j) => ({ square: b.kind === 'confusion', html: block(b, `${report.useCase}-chart-${i}-${j}`, charts) }))
    .map((b, j, all) => {
      const open = b.square && !all[j - 1]?.square ? '<div class="grid">' : '';
      const close = b.square && !all[j + 1]?.square ? '</div>' : '';
      return open + b.html + close;
    })
    .join('\n');
  const versions = Object.entries(run.promptVersions)
    .map(([k, v]) => `<code>${esc(k)}</code> ${esc(v)}`)
    .join(', ');
  return `<section><h2>${esc(run.label)} <span class="muted">${esc(run.provider)} · ${esc(run.model)}${run.runId ? ` · eval_runs #${run.runId}` : ''}</span></h2>
${cards(report.cards(run.figures))}
${body}
<p class="muted">Prompt versions: ${versions}</p>
</section>`;
}

export function renderUseCaseHtml<F>(report: UseCaseReport<F>, chartJs = chartJsSource()): string {
  const charts: Chart[] = [];
  const sections = report.runs.map((run, i) => runSection(report, run, i, charts)).join('\n');
  const body = `<section><h2>Headline figures</h2>${headlineTable(report.runs, report.headlines)}</section>
${abSection(report.runs, report.ab, report.unit)}
${sections}`;
  return htmlPage(report, body, { charts }, useCaseChartScript, chartJs);
}
