import type { Payload } from '@temporalio/common';
import { z } from 'zod';

// Protobuf JSON writes bytes as base64, standard or URL-safe, padding optional.
const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');

/**
 * The codec server protocol's body: a Payloads message in protobuf JSON, in both directions. Protobuf JSON leaves an
 * empty list out, so `{}` is no payloads: the temporal CLI encodes a query's empty arguments so.
 */
export const payloadsBodySchema = z.object({
  payloads: z
    .array(
      z.object({
        metadata: z.record(z.string(), base64).optional(),
        data: base64.optional(),
      }),
    )
    .default([]),
});
export type PayloadsBody = z.infer<typeof payloadsBodySchema>;

export function payloadsFromJson(body: PayloadsBody): Payload[] {
  return body.payloads.map(({ metadata = {}, data = '' }) => ({
    metadata: Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(data, 'base64'),
  }));
}

export function payloadsToJson(payloads: Payload[]): PayloadsBody {
  const b64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');
  return {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, b64(value)])),
      data: b64(payload.data),
    })),
  };
}
