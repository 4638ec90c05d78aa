import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

const isPayload = (value: object): value is Payload =>
  'metadata' in value && typeof value.metadata === 'object' && value.metadata !== null && 'encoding' in value.metadata;

/**
 * Every payload in a history, except search attributes (the server reads them to index) and patch markers (the
 * SDK's core writes a patch id, a code identifier, without passing it through the codec).
 */
const unencoded = new Set(['searchAttributes', 'patch-data']);

export function payloadsOf(history: History): Payload[] {
  const found: Payload[] = [];
  const walk = (value: unknown, key: string): void => {
    if (!value || typeof value !== 'object' || value instanceof Uint8Array || unencoded.has(key)) return;
    if (isPayload(value)) found.push(value);
    else for (const [child, inner] of Object.entries(value)) walk(inner, child);
  };
  walk(history, '');
  return found;
}

/** The history as the server stores it, as text: its protobuf JSON plus every byte field read as UTF-8. */
export function rawText(history: History): string {
  const parts = [historyToJSON(history)];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('utf8'));
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  walk(history);
  return parts.join('\n');
}

export const metadataText = (payload: Payload, key: string) =>
  payload.metadata?.[key] ? Buffer.from(payload.metadata[key]).toString('utf8') : undefined;
