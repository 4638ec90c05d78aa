import { verdict, type Figure } from './targets';

function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-AU');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

const formatTarget = (figure: Figure) => (figure.target ? `${figure.target.op} ${figure.target.value}` : '');

/** A plain-text table, one figure a line, with the target and PASS/MISS where the issue sets a target. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['Section', 'Figure', 'Value', 'Unit', 'Target', 'Result'];
  const rows = figures.map((f) => [
    f.section,
    f.note ? `${f.name} (${f.note})` : f.name,
    formatValue(f.value),
    f.unit,
    formatTarget(f),
    verdict(f),
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

/** How many targeted figures passed, missed or could not be measured, for the last line of the report. */
export function targetSummary(figures: readonly Figure[]): { pass: number; miss: number; unmeasured: number } {
  const verdicts = figures.map(verdict);
  return {
    pass: verdicts.filter((v) => v === 'PASS').length,
    miss: verdicts.filter((v) => v === 'MISS').length,
    unmeasured: verdicts.filter((v) => v === 'n/a').length,
  };
}
