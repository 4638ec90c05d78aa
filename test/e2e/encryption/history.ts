import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

const isPayload = (value: object): value is Payload =>
  'metadata' in value && typeof value.metadata === 'object' && value.metadata !== null && 'encoding' in value.metadata;

/**
 * Every payload in a history, except what the server or the SDK's core writes without the codec: search attributes
 * (the server reads them to index), patch markers (a patch id, a code identifier) and a local activity marker's
 * `data` entry (its sequence number, attempt, activity type and times). The local activity's result beside it is
 * encoded like any other payload, and `localActivityBookkeeping` lets a test check that the clear entry holds only that.
 */
const unencoded = new Set(['searchAttributes', 'patch-data']);
const localActivityMarker = 'core_local_activity';

type Marker = temporal.api.history.v1.IMarkerRecordedEventAttributes;
const isLocalActivityMarker = (value: object): value is Marker =>
  'markerName' in value && value.markerName === localActivityMarker;

export function payloadsOf(history: History): Payload[] {
  const found: Payload[] = [];
  const walk = (value: unknown, key: string): void => {
    if (!value || typeof value !== 'object' || value instanceof Uint8Array || unencoded.has(key)) return;
    if (isPayload(value)) found.push(value);
    else
      for (const [child, inner] of Object.entries(value)) {
        const clear = isLocalActivityMarker(value) && child === 'details';
        walk(clear ? { ...(inner as object), data: undefined } : inner, child);
      }
  };
  walk(history, '');
  return found;
}

/** The clear `data` entry of every local activity marker, parsed. */
export function localActivityBookkeeping(history: History): Array<Record<string, unknown>> {
  return (history.events ?? [])
    .map((event) => event.markerRecordedEventAttributes)
    .filter((marker): marker is Marker => marker?.markerName === localActivityMarker)
    .flatMap((marker) => marker.details?.data?.payloads ?? [])
    .map((payload) => JSON.parse(Buffer.from(payload.data!).toString('utf8')) as Record<string, unknown>);
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
