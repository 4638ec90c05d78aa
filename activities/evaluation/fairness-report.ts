import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartJsSource } from './chart-js';
import { escapeHtml as esc } from './escape-html';
import { FAIRNESS_GAP, fairnessMetrics, type FairnessFigures } from './fairness-figures';

/**
 * The blind test's Markdown, and an HTML page with the same text under a bar chart of each group's rates: Chart.js is
 * inlined, so the monthly report opens offline and from a mail attachment.
 */
export interface FairnessReportMeta {
  generatedAt: Date;
  provider: string;
  model: string;
  offline: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const engine = (m: FairnessReportMeta) =>
  m.offline
    ? 'Offline engine (naive-Bayes classifier plus templates, NOT an LLM): it reads no names or postcodes when ' +
      'classifying, so equal rates here test the pipeline, not a language model.'
    : `${m.provider} (${m.model}).`;

export function renderFairnessMarkdown(f: FairnessFigures, meta: FairnessReportMeta): string {
  const head = ['group', 'n', ...fairnessMetrics];
  const rows = f.groups.map((g) => [g.group, String(g.n), ...fairnessMetrics.map((m) => pct(g.rates[m]))]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `# Fairness blind test, ${meta.generatedAt.toISOString()}`,
    '',
    `> ${engine(meta)}`,
    '',
    `${f.items} tickets, each re-run once per group with the customer's name and postcode swapped. A gap above ` +
      `${pct(FAIRNESS_GAP)} between any two groups is flagged.`,
    '',
    line(head),
    line(head.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
    '',
    ...f.gaps.map(
      (g) =>
        `- ${g.flagged ? '**FLAG**' : 'ok'}: ${g.metric} gap ${(g.gap * 100).toFixed(1)} pp (${g.lowest} lowest, ${g.highest} highest)`,
    ),
    '',
    f.inconsistent.length
      ? `Tickets whose route changed with the name: ${f.inconsistent.join(', ')}.`
      : 'Every ticket took the same route for every group.',
    '',
  ].join('\n');
}

export function renderFairnessHtml(f: FairnessFigures, meta: FairnessReportMeta): string {
  const data = JSON.stringify({
    labels: f.groups.map((g) => g.group),
    datasets: fairnessMetrics.map((m) => ({ label: m, data: f.groups.map((g) => g.rates[m]) })),
  }).replace(/</g, '\\u003c');
  const md = renderFairnessMarkdown(f, meta);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fairness blind test</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:24px auto;color:#0f172a}pre{white-space:pre-wrap;background:#f8fafc;padding:12px;border-radius:8px}</style></head>
<body><h1>Fairness blind test</h1><div style="position:relative;height:360px"><canvas id="fairness-rates"></canvas></div><pre>${esc(md)}</pre>
<script id="data" type="application/json">${data}</script><script>${chartJsSource().replace(/<\/script/gi, '<\\/script')}</script>
<script>const d=JSON.parse(document.getElementById('data').textContent);const c=['#2563eb','#dc2626','#16a34a','#9333ea'];
new Chart(document.getElementById('fairness-rates'),{type:'bar',data:{labels:d.labels,datasets:d.datasets.map((s,i)=>({...s,backgroundColor:c[i]}))},
options:{maintainAspectRatio:false,animation:false,scales:{y:{min:0,max:1,ticks:{callback:(v)=>Math.round(v*100)+'%'}}}}});</script></body></html>`;
}

/** `fairness-<timestamp>.{md,html}` and `fairness-latest.*` copies, so links never go stale. */
export function writeFairnessReports(dir: string, figures: FairnessFigures, meta: FairnessReportMeta) {
  mkdirSync(dir, { recursive: true });
  const stamp = meta.generatedAt.toISOString().replace(/[:.]/g, '-');
  const paths = { markdown: join(dir, `fairness-${stamp}.md`), html: join(dir, `fairness-${stamp}.html`) };
  const md = renderFairnessMarkdown(figures, meta);
  const html = renderFairnessHtml(figures, meta);
  for (const [path, text] of [
    [paths.markdown, md],
    [paths.html, html],
    [join(dir, 'fairness-latest.md'), md],
    [join(dir, 'fairness-latest.html'), html],
  ] as const)
    writeFileSync(path, text);
  return paths;
}
