import { chartJsSource } from '../../activities/evaluation/chart-js';
import { escapeHtml as esc } from '../../activities/evaluation/escape-html';
import { chartScript } from './charts';
import { drift, fmt, fmtDelta, headlines, type Headline, type Kind } from './format';
import type { AbResult, Report, ReportRun, RunLike } from './model';

/** Cells are HTML: callers escape what they put in them. */
export const table = (headers: string[], rows: string[][], cls = '') =>
  `<table class="${cls}"><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
  rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
  '</tbody></table>';

function cards(run: ReportRun): string {
  const f = run.figures;
  const items: Array<[string, string, string]> = [
    ['Intent accuracy', fmt(f.intent.accuracy, 'pct'), `${f.intent.n} items`],
    ['Route accuracy', fmt(f.route.accuracy, 'pct'), `${f.route.n} items`],
    [
      'Guardrail catch rate',
      fmt(f.guardrails.catchRate, 'pct'),
      `${f.guardrails.falseAlarms}/${f.guardrails.controls} false alarms`,
    ],
    [
      'Call latency p95',
      fmt(f.latency.call.p95, 'ms'),
      `p50 ${fmt(f.latency.call.p50, 'ms')}, p99 ${fmt(f.latency.call.p99, 'ms')}`,
    ],
    [
      'Cost per ticket',
      fmt(f.usage.perTicket.costUsd, 'usd'),
      `${fmt((f.usage.perTicket.inputTokens ?? 0) + (f.usage.perTicket.outputTokens ?? 0), 'num')} tokens`,
    ],
  ];
  return `<div class="cards">${items.map(([k, v, s]) => `<div class="card"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div><div class="s">${esc(s)}</div></div>`).join('')}</div>`;
}

export function headlineTable<F>(runs: RunLike<F>[], list: readonly Headline<F>[]): string {
  const first = runs[0]!;
  const rows = list.map((h) => {
    const d = drift(first.figures, first.previous?.figures, h);
    const cls = d === null || d === 0 || h.higherIsBetter === null ? '' : d > 0 === h.higherIsBetter ? 'up' : 'down';
    return [
      esc(h.label),
      ...runs.map((r) => esc(fmt(h.value(r.figures), h.kind))),
      first.previous ? esc(fmt(h.value(first.previous.figures), h.kind)) : '—',
      `<span class="${cls}">${esc(fmtDelta(d, h.kind))}</span>`,
    ];
  });
  const previous = first.previous ? `run #${first.previous.id}` : 'previous run';
  return table(['Figure', ...runs.map((r) => r.label), previous, 'Drift'], rows, 'num');
}

export function abSection(runs: Array<{ label: string }>, ab: AbResult | null, unit = 'ticket'): string {
  if (!ab) return '';
  const [a, b] = runs;
  const kind = (m: string): Kind =>
    m.includes('accuracy') ? 'pct' : m.includes('ms') ? 'ms' : m.includes('USD') ? 'usd' : 'num';
  const rows = ab.rows.map((r) => [
    esc(r.metric),
    esc(fmt(r.a, kind(r.metric))),
    esc(fmt(r.b, kind(r.metric))),
    esc(fmtDelta(r.delta, kind(r.metric))),
    esc(r.better === 'a' ? a!.label : r.better === 'b' ? b!.label : r.better),
  ]);
  const rec = ab.recommendation;
  return `<section><h2>A/B: ${esc(a!.label)} vs ${esc(b!.label)}</h2>
${table(['Metric', a!.label, b!.label, 'Δ (B − A)', 'Better'], rows, 'num')}
<div class="verdict ${rec.switchToB ? 'switch' : 'keep'}"><strong>${esc(rec.verdict)}</strong><ul>${rec.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
<p class="muted">001's rule: switch when accuracy is not worse and latency or cost is better. A gain must be at least 5% (and 10 ms for latency) to count; with $0 on both sides, tokens per ${esc(unit)} stand in for cost.</p></div></section>`;
}

function runSection(run: ReportRun, i: number): string {
  const f = run.figures;
  const bands = f.calibration.bands.map((b) =>
    [
      b.band,
      String(b.n),
      fmt(b.share, 'pct'),
      fmt(b.claimed.share, 'pct'),
      fmt(b.errorRate, 'pct'),
      fmt(b.claimed.errorRate, 'pct'),
    ].map(esc),
  );
  const thresholds = f.calibration.thresholds.map((t) =>
    [
      fmt(t.target, 'pct'),
      t.threshold === null ? 'none meets it' : t.threshold.toFixed(3),
      fmt(t.coverage, 'pct'),
      fmt(t.errorRate, 'pct'),
    ].map(esc),
  );
  const guard = f.guardrails.byCategory.map((c) => [esc(c.category), `${c.caught} / ${c.total}`]);
  const intents = f.intent.perLabel.map((s) => [
    esc(s.label),
    String(s.support),
    fmt(s.precision, 'pct'),
    fmt(s.recall, 'pct'),
  ]);
  const { send, review } = f.calibration.current;
  return `<section><h2>${esc(run.label)} <span class="muted">${esc(run.provider)} · ${esc(run.model)}${run.runId ? ` · eval_runs #${run.runId}` : ''}</span></h2>
${cards(run)}
<div class="grid">
  <figure><figcaption>Department confusion (rows actual, columns predicted)</figcaption><div class="chart square"><canvas id="confusion-heatmap-${i}"></canvas></div></figure>
  <figure><figcaption>Route confusion</figcaption><div class="chart square"><canvas id="route-heatmap-${i}"></canvas></div></figure>
  <figure class="wide"><figcaption>Latency histogram: every model call</figcaption><div class="chart"><canvas id="latency-histogram-${i}"></canvas></div></figure>
</div>
<h3>Confidence bands vs 001 (high &gt; ${send}, medium ${review}–${send}, low &lt; ${review})</h3>
${table(['band', 'items', 'share', 'share (001)', 'error rate', 'error rate (001)'], bands, 'num')}
<h3>Send thresholds that meet a target error rate</h3>
${table(['target', 'threshold', 'share automated', 'error rate above it'], thresholds, 'num')}
<h3>Guardrails: ${f.guardrails.caught}/${f.guardrails.adversarial} caught, ${f.guardrails.falseAlarms}/${f.guardrails.controls} clean controls flagged</h3>
${table(['category', 'caught'], guard, 'num')}
<details><summary>Accuracy per intent (${f.intent.n} items)</summary>${table(['intent', 'support', 'precision', 'recall'], intents, 'num')}</details>
<p class="muted">Prompt versions: ${Object.entries(run.promptVersions)
    .map(([k, v]) => `<code>${esc(k)}</code> ${esc(v)}`)
    .join(', ')}</p>
</section>`;
}

export const style = `body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;background:#f8fafc;margin:0}
main{max-width:1180px;margin:0 auto;padding:28px}h1{margin:0 0 4px;font-size:26px}h2{margin:28px 0 12px;font-size:20px}
section{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:8px 22px 18px;margin:18px 0}
.note{background:#fef3c7;border:1px solid #fcd34d;border-radius:8px;padding:10px 14px}.muted{color:#64748b;font-weight:400;font-size:13px}
table{border-collapse:collapse;margin:8px 0 14px;font-size:14px}th,td{padding:5px 12px;border-bottom:1px solid #e2e8f0;text-align:left}
table.num td:not(:first-child),table.num th:not(:first-child){text-align:right}th{background:#f1f5f9;font-weight:600}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}.card{flex:1 1 160px;background:#f8fafc;border:1px solid #e2e8f0;border-radius:10px;padding:10px 14px}
.card .k{font-size:12px;color:#64748b;text-transform:uppercase;letter-spacing:.04em}.card .v{font-size:26px;font-weight:700}.card .s{font-size:12px;color:#64748b}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}figure{margin:0}figure.wide{grid-column:1/-1}figcaption{font-weight:600;margin-bottom:6px}
.chart{position:relative;height:300px}.chart.square{height:380px}.up{color:#15803d}.down{color:#b91c1c}
.verdict{border-radius:8px;padding:10px 16px;margin-top:8px}.verdict.switch{background:#dcfce7;border:1px solid #86efac}.verdict.keep{background:#e0e7ff;border:1px solid #a5b4fc}`;

export function renderHtml(report: Report, chartJs = chartJsSource()): string {
  // Band centres for 001's claim: the accuracy it implies (1 − error rate) where each band's confidences sit.
  const { send, review } = report.runs[0]!.figures.calibration.current;
  const claims = report.runs[0]!.figures.calibration.bands.map((b) => ({
    x: b.band === 'high' ? (send + 1) / 2 : b.band === 'medium' ? (send + review) / 2 : review / 2,
    y: 1 - b.claimed.errorRate,
  }));
  const data = {
    claims,
    runs: report.runs.map((r) => ({
      label: r.label,
      department: r.figures.department.confusion,
      route: r.figures.route.confusion,
      curve: r.figures.calibration.curve,
      histogram: r.figures.latency.histogram,
    })),
  };
  const s = report.slices;
  const slices = s
    ? `<section><h2>${esc(s.title)}</h2>${table(
        s.headers,
        s.rows.map((r) => r.map(esc)),
        'num',
      )}<p class="muted">${esc(s.note)}</p></section>`
    : '';
  const body = `<section><h2>Headline figures</h2>${headlineTable(report.runs, headlines)}</section>
${slices}
${abSection(report.runs, report.ab)}
<section><h2>Calibration curve</h2><div class="chart" style="height:360px"><canvas id="calibration-curve"></canvas></div>
<p class="muted">Classification confidence against whether the intent was right, in tenths; point size grows with the number of items.</p></section>
${report.runs.map(runSection).join('\n')}`;
  return htmlPage(report, body, data, chartScript, chartJs);
}

export interface PageFrame {
  useCase: string;
  generatedAt: Date;
  engineNote: string;
  datasetNote: string;
  notes: string[];
}

/** The page around a report's body: title, engine and data notes, the notes, and the inlined data and scripts. */
export function htmlPage(frame: PageFrame, body: string, data: unknown, script: string, chartJs: string): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evaluation: ${esc(frame.useCase)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${style}</style></head><body><main>
<h1>Evaluation: ${esc(frame.useCase)}</h1><div class="muted">${esc(frame.generatedAt.toISOString())}</div>
<p class="note">${esc(frame.engineNote)}</p><p>${esc(frame.datasetNote)}</p>
${body}
<section><h2>Notes</h2><ul>${frame.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>
</main>
<script id="eval-data" type="application/json">${json}</script>
<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${script}</script>
</body></html>`;
}
