import type { PendingApproval } from './api-schemas';

/** Left-aligned columns, two spaces apart; the last column is not padded so lines carry no trailing blanks. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** "in 9m", "3m ago": the deadline matters relative to now, the absolute time for the incident notes. */
export function relative(iso: string, now: Date): string {
  const ms = Date.parse(iso) - now.getTime();
  if (Number.isNaN(ms)) return iso;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const span = minutes < 90 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
  return ms >= 0 ? `in ${span}` : `${span} ago`;
}

const shortTime = (iso: string) =>
  Number.isNaN(Date.parse(iso)) ? iso : new Date(iso).toISOString().slice(0, 16) + 'Z';

/** The API lists no deadline today (a fault's policy is in its encrypted input); the column appears when it does. */
export function formatPending(items: PendingApproval[], now: Date): string {
  if (!items.length) return 'No faults are waiting for approval.\n';
  const withDeadline = items.some((item) => item.deadline);
  const when = (iso: string | null | undefined) => (iso ? `${shortTime(iso)} (${relative(iso, now)})` : '-');
  const header = [
    'WORKFLOW',
    'DEVICE',
    'ACTION',
    'CONFIDENCE',
    'RULE',
    'REQUESTED',
    ...(withDeadline ? ['DEADLINE'] : []),
  ];
  const rows = items.map((item) => [
    item.workflowId,
    item.deviceId,
    item.destructive ? `${item.action} [destructive]` : item.action,
    `${Math.round(item.diagnosis.confidence)}%`,
    item.rule || '-',
    when(item.requestedAt),
    ...(withDeadline ? [when(item.deadline)] : []),
  ]);
  const [head, ...lines] = table(header, rows);
  const out = [head];
  lines.forEach((line, index) => {
    const item = items[index]!;
    out.push(line, `    diagnosis (${item.alertType}): ${item.diagnosis.summary || 'none'}`);
    if (item.approvers?.length) out.push(`    may approve: ${item.approvers.join(', ')}`);
  });
  return `${out.join('\n')}\n`;
}
