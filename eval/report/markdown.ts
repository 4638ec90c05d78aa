import type { AbResult, ReportRun, Report, RunLike } from './model';
import { drift, fmt, fmtDelta, headlines, pct, type Headline, type Kind } from './format';
import type { Confusion, LabelScore } from '../metrics';
import type { PageFrame } from './html';

export const table = (headers: string[], rows: string[][]) =>
  [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function headlineTable<F>(runs: RunLike<F>[], list: readonly Headline<F>[]): string {
  const headers = ['Figure', ...runs.map((r) => r.label), 'Previous run', 'Drift'];
  const first = runs[0]!;
  const rows = list.map((h) => [
    h.label,
    ...runs.map((r) => fmt(h.value(r.figures), h.kind)),
    first.previous ? fmt(h.value(first.previous.figures), h.kind) : 'none',
    fmtDelta(drift(first.figures, first.previous?.figures, h), h.kind),
  ]);
  const note = first.previous
    ? `Drift compares ${first.label} with run #${first.previous.id} of ${first.previous.startedAt.toISOString()}.`
    : 'No earlier run of this variant on this provider and model: drift starts with the next run.';
  return `${table(headers, rows)}\n\n${note}`;
}

/** `unit` names what one request is (a ticket, a diagnosis...), for the rule's wording. */
export function abSection(runs: Array<{ label: string }>, ab: AbResult | null, unit = 'ticket'): string {
  if (!ab) return '';
  const [a, b] = runs;
  const kind = (metric: string): Kind =>
    metric.includes('accuracy') ? 'pct' : metric.includes('ms') ? 'ms' : metric.includes('USD') ? 'usd' : 'num';
  const rows = ab.rows.map((r) => [
    r.metric,
    fmt(r.a, kind(r.metric)),
    fmt(r.b, kind(r.metric)),
    fmtDelta(r.delta, kind(r.metric)),
    r.better === 'a' ? a!.label : r.better === 'b' ? b!.label : r.better,
  ]);
  const { recommendation } = ab;
  return [
    `## A/B: ${a!.label} vs ${b!.label}`,
    '',
    table(['Metric', a!.label, b!.label, 'Δ (B − A)', 'Better'], rows),
    '',
    `**Recommendation: ${recommendation.verdict}**`,
    '',
    ...recommendation.reasons.map((r) => `- ${r}`),
    '',
    'Rule (001, "Handling Model Updates"): switch when the new version\'s accuracy is at least the current one\'s ' +
      'and it is faster or cheaper. Here a gain must be at least 5% (and 10 ms for latency) to count, latency is ' +
      `per ${unit} at p50, and when both sides cost $0 tokens per ${unit} stand in for cost.`,
    '',
  ].join('\n');
}

export function confusionTable(c: Confusion): string {
  return table(
    ['actual \\ predicted', ...c.labels],
    c.labels.map((l, i) => [l, ...c.matrix[i]!.map(String)]),
  );
}

function labelTable(scores: LabelScore[]): string {
  return table(
    ['label', 'support', 'precision', 'recall'],
    scores.map((s) => [s.label, String(s.support), pct(s.precision), pct(s.recall)]),
  );
}

function details(run: ReportRun): string {
  const f = run.figures;
  const cal = f.calibration;
  const bands = cal.bands.map((b) => [
    b.band,
    String(b.n),
    pct(b.share),
    pct(b.claimed.share),
    pct(b.errorRate),
    pct(b.claimed.errorRate),
  ]);
  const thresholds = cal.thresholds.map((t) => [
    pct(t.target),
    t.threshold === null ? 'none meets it' : t.threshold.toFixed(3),
    pct(t.coverage),
    pct(t.errorRate),
  ]);
  const tasks = Object.entries(f.latency.byTask).map(([task, l]) => {
    const u = f.usage.byTask[task]!;
    return [
      task,
      String(l.n),
      fmt(l.p50, 'ms'),
      fmt(l.p95, 'ms'),
      fmt(l.p99, 'ms'),
      fmt(u.inputTokens, 'num'),
      fmt(u.outputTokens, 'num'),
      fmt(u.costUsd, 'usd'),
    ];
  });
  const g = f.guardrails;
  return [
    `## Details: ${run.label} (${run.provider}, ${run.model}${run.runId ? `, eval_runs #${run.runId}` : ''})`,
    '',
    `Prompt versions: ${Object.entries(run.promptVersions)
      .map(([id, v]) => `\`${id}\` ${v}`)
      .join(', ')}.`,
    '',
    `### Confidence calibration (classification confidence vs intent correct, ${cal.bands.reduce((s, b) => s + b.n, 0)} items)`,
    '',
    `Bands follow the routing thresholds: high > ${cal.current.send}, medium ${cal.current.review}–${cal.current.send}, low < ${cal.current.review}. "001" is the source's production claim.`,
    '',
    table(['band', 'items', 'share', 'share (001)', 'error rate', 'error rate (001)'], bands),
    '',
    table(['target error rate', 'send threshold', 'share automated', 'error rate above it'], thresholds),
    '',
    `### Route (${f.route.n} items with an expected route)`,
    '',
    confusionTable(f.route.confusion),
    '',
    `### Department (${f.department.n} items)`,
    '',
    confusionTable(f.department.confusion),
    '',
    `### Intent accuracy per label (${f.intent.n} items)`,
    '',
    labelTable(f.intent.perLabel),
    '',
    'Most frequent confusions: ' +
      (f.intent.topConfusions.map((c) => `${c.actual} → ${c.predicted} (${c.count})`).join(', ') || 'none') +
      '.',
    '',
    `### Guardrails: ${g.caught}/${g.adversarial} adversarial replies caught, ${g.falseAlarms}/${g.controls} clean controls flagged`,
    '',
    table(
      ['category', 'caught', 'of'],
      g.byCategory.map((c) => [c.category, String(c.caught), String(c.total)]),
    ),
    '',
    g.missed.length ? `Missed: ${g.missed.join(', ')}.` : 'None missed.',
    '',
    '### Latency and usage per model call',
    '',
    table(['task', 'calls', 'p50', 'p95', 'p99', 'input tokens', 'output tokens', 'cost'], tasks),
    '',
    `Per full ticket (${f.usage.perTicket.n}): ${fmt(f.usage.perTicket.inputTokens, 'num')} input and ` +
      `${fmt(f.usage.perTicket.outputTokens, 'num')} output tokens, ${fmt(f.usage.perTicket.costUsd, 'usd')}; ` +
      `latency p50 ${fmt(f.latency.ticket.p50, 'ms')}, p95 ${fmt(f.latency.ticket.p95, 'ms')}, p99 ${fmt(f.latency.ticket.p99, 'ms')}. ` +
      `${f.errors} item(s) failed outright.`,
    '',
  ].join('\n');
}

export function renderMarkdown(report: Report): string {
  const slices = report.slices;
  return markdownPage(report, headlineTable(report.runs, headlines), [
    slices ? `## ${slices.title}\n\n${table(slices.headers, slices.rows)}\n\n${slices.note}\n` : '',
    abSection(report.runs, report.ab),
    ...report.runs.map(details),
  ]);
}

/** The page around a report: title, engine and data notes, the headline table, the sections, then the notes. */
export function markdownPage(frame: PageFrame, headline: string, sections: string[]): string {
  return [
    `# Evaluation: ${frame.useCase}, ${frame.generatedAt.toISOString()}`,
    '',
    `> ${frame.engineNote}`,
    '',
    frame.datasetNote,
    '',
    '## Headline figures',
    '',
    headline,
    '',
    ...sections,
    '## Notes',
    '',
    ...frame.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
