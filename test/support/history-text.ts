import type { WorkflowHandle } from '@temporalio/client';

/** Every byte field in the run's history read as text: what an auditor reading the history would see. */
export async function historyText(handle: WorkflowHandle): Promise<string> {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('utf8'));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk((await handle.fetchHistory()).events);
  return texts.join('\n');
}
