import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { patched, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { ModelCallRecord } from '../domain/model-call';
import { searchAttributes as sa } from '../domain/search-attributes';

/**
 * Search attributes added for auditors after workflows were already running: the patch marker keeps histories that
 * never upserted them replayable. Nothing to say means no patch check and no command.
 */
export function auditAttributes(pairs: SearchAttributeUpdatePair[]): void {
  if (pairs.length && patched('audit-search-attributes')) upsertSearchAttributes(pairs);
}

/** The model, prompt and total cost behind a case, for queries such as "everything prompt v3 answered". */
export function modelAttributes(calls: ModelCallRecord[]): SearchAttributeUpdatePair[] {
  const last = calls[calls.length - 1];
  if (!last) return [];
  return [
    { key: sa.ModelId, value: last.modelId },
    { key: sa.PromptVersion, value: last.promptVersion },
    { key: sa.CostUsd, value: calls.reduce((sum, call) => sum + call.costUsd, 0) },
  ];
}

/**
 * The Web UI's "current details": markdown lines, rendered fresh on every change. Not a command, so it is safe to
 * change at any time. Ids, stages, intents and rule names only: never message text, names or contact details.
 */
export function showDetails(title: string, lines: Array<string | null | false | undefined>): void {
  setCurrentDetails(
    [`**${title}**`, '', ...lines.filter((line): line is string => !!line).map((l) => `- ${l}`)].join('\n'),
  );
}

/** Waits in Timeline summaries: "90s", "15m", "2h 30m". */
export function duration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)}h ${rest}m` : `${minutes / 60}h`;
}
