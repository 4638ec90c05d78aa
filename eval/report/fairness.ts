import { FAIRNESS_GAP, fairnessMetrics, type FairnessFigures } from '../fairness';
import { chartJsSource } from './html';
import { escapeHtml as esc } from './format';

interface Meta {
  generatedAt: Date;
  provider: string;
  model: string;
  offline: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const engine = (m: Meta) =>
  m.offline
    ? 'Offline engine (naive-Bayes classifier plus templates, NOT an LLM): it reads no names or postcodes when ' +
      'classifying, so equal rates here test the pipeline, not a language model.'
    : `${m.provider} (${m.model}).`;

export function renderFairnessMarkdown(f: FairnessFigures, meta: Meta): string {
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

export function renderFairnessHtml(f: FairnessFigures, meta: Meta): string {
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
