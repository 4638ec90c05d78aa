import { createHash } from 'node:crypto';
import { z } from 'zod';
import { open, seal, type KeyRing } from '../../security/keyring';
import type { RenderedPrompt } from '../model/contract';

/** How often a model call's full prompt and response are kept, sealed under the payload key ring. */
export interface AuditSampling {
  /** Null when payload encryption is off: then nothing is sampled, because nothing could be stored safely. */
  ring: KeyRing | null;
  sampleRate: number;
}

export const noSampling: AuditSampling = { ring: null, sampleRate: 0 };

/** The whole exchange, as the model saw and answered it. Personal data: only ever stored sealed. */
export const modelExchangeSchema = z.object({
  prompt: z.object({
    id: z.string(),
    version: z.string(),
    system: z.string(),
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
  }),
  response: z.string(),
});
export type ModelExchange = z.infer<typeof modelExchangeSchema>;

export const exchangeOf = (request: { prompt: RenderedPrompt }, response: { rawText: string }): ModelExchange => ({
  prompt: request.prompt,
  response: response.rawText,
});

/**
 * The same key always gets the same answer, so a call is sampled or not by what it is (workflow, activity, attempt,
 * request), never by chance at the moment: a replayed or re-recorded call cannot flip, and rates are auditable.
 */
export function isSampled(key: string, rate: number): boolean {
  if (!(rate > 0)) return false;
  if (rate >= 1) return true;
  const draw = createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) / 2 ** 32;
  return draw < rate;
}

// Binds a sealed sample to the row that names its id: moved to another row, it no longer decrypts.
const aad = (sampleId: string) => Buffer.from(`switchboard.audit.sample:${sampleId}`, 'utf8');

export function sealSample(ring: KeyRing, sampleId: string, exchange: ModelExchange) {
  return seal(ring, Buffer.from(JSON.stringify(exchange), 'utf8'), aad(sampleId));
}

/** For auditors holding the key ring: the exchange behind a sampled model_call row. */
export function openSample(
  ring: KeyRing,
  row: { details: { sampleId?: unknown }; sample_key_id: string | null; sample: Uint8Array | null },
): ModelExchange {
  const sampleId = row.details.sampleId;
  if (typeof sampleId !== 'string' || !row.sample_key_id || !row.sample) throw new Error('the row holds no sample');
  const plain = open(ring, row.sample_key_id, row.sample, aad(sampleId));
  return modelExchangeSchema.parse(JSON.parse(plain.toString('utf8')));
}
