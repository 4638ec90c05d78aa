import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Config } from '../config';

/** AES-256-GCM keys by id. The active key encrypts; every listed key may still decrypt, which is how keys rotate. */
export interface KeyRing {
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class UnknownKeyError extends Error {
  override readonly name = 'UnknownKeyError';
}

const ivBytes = 12;
const tagBytes = 16;

export function createKeyRing(keys: { id: string; key: string }[], activeId?: string): KeyRing {
  if (!keys.length) throw new Error('a key ring needs at least one key');
  const map = new Map(keys.map(({ id, key }) => [id, Buffer.from(key, 'base64')]));
  for (const [id, key] of map) if (key.length !== 32) throw new Error(`key ${id} is not 32 bytes`);
  const active = activeId ?? keys[0]!.id;
  if (!map.has(active)) throw new Error(`active key ${active} is not in the ring`);
  return { activeId: active, keys: map };
}

/** The ring from config, or null when PAYLOAD_ENCRYPTION=off. Call requireCodecKeys(config) first. */
export function keyRingFromConfig(
  config: Pick<Config, 'PAYLOAD_CODEC_KEYS' | 'PAYLOAD_CODEC_ACTIVE_KEY' | 'PAYLOAD_ENCRYPTION'>,
): KeyRing | null {
  if (config.PAYLOAD_ENCRYPTION === 'off' || !config.PAYLOAD_CODEC_KEYS?.length) return null;
  return createKeyRing(config.PAYLOAD_CODEC_KEYS, config.PAYLOAD_CODEC_ACTIVE_KEY);
}

/** iv ‖ ciphertext ‖ tag, under the active key. `aad` binds the ciphertext to its context (for example a row id). */
export function seal(ring: KeyRing, plaintext: Uint8Array, aad?: Uint8Array): { keyId: string; sealed: Buffer } {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.activeId)!, iv);
  if (aad) cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { keyId: ring.activeId, sealed: Buffer.concat([iv, body, cipher.getAuthTag()]) };
}

/** Throws on an unknown key id or on any tampering (GCM authentication). */
export function open(ring: KeyRing, keyId: string, sealed: Uint8Array, aad?: Uint8Array): Buffer {
  const key = ring.keys.get(keyId);
  if (!key) throw new UnknownKeyError(`no key with id ${keyId} in the ring`);
  const data = Buffer.from(sealed);
  if (data.length < ivBytes + tagBytes) throw new Error('sealed data is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivBytes));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(data.length - tagBytes));
  return Buffer.concat([decipher.update(data.subarray(ivBytes, data.length - tagBytes)), decipher.final()]);
}

/** A fresh key entry for PAYLOAD_CODEC_KEYS. */
export function generateKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}
