import { verdict, type Figure } from './targets';

function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-AU');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

const formatTarget = (figure: Figure) => (figure.target ? `${figure.target.op} ${figure.target.value}` : '');

/** "meets", "misses by 12.5 ms", "n/a" or nothing: the gap in the figure's own unit. */
export function verdictText(figure: Figure): string {
  const v = verdict(figure);
  if (v.status !== 'misses') return v.status;
  return `misses by ${formatValue(v.gap)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

/** A plain-text table, one figure a line, with the target and whether it is met where the issue sets one. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['Section', 'Figure', 'Value', 'Unit', 'Target', 'Result'];
  const rows = figures.map((f) => [
    f.section,
    f.note ? `${f.name} (${f.note})` : f.name,
    formatValue(f.value),
    f.unit,
    formatTarget(f),
    verdictText(f),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** How many targeted figures met their target, missed it or could not be measured, for the report's last line. */
export function targetSummary(figures: readonly Figure[]): { meets: number; misses: number; unmeasured: number } {
  const verdicts = figures.map((figure) => verdict(figure).status);
  return {
    meets: verdicts.filter((v) => v === 'meets').length,
    misses: verdicts.filter((v) => v === 'misses').length,
    unmeasured: verdicts.filter((v) => v === 'n/a').length,
  };
}
