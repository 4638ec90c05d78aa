import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { open, seal, type KeyRing } from './keyring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

/**
 * Domain separation, not context binding: it keeps a payload ciphertext from being accepted by any other use of the
 * same key ring (column encryption binds a row id) and vice versa. Binding to the workflow id would be stronger, but
 * the codec server only ever sees bare payloads from the Web UI, so it could not open them any more.
 */
const aad = Buffer.from('switchboard/temporal-payload/v1');

export class PayloadDecryptionError extends Error {
  override readonly name = 'PayloadDecryptionError';
}

const text = (value: string) => Buffer.from(value, 'utf8');
const metadataText = (payload: Payload, key: string) => {
  const value = payload.metadata?.[key];
  return value ? Buffer.from(value).toString('utf8') : undefined;
};

export const isEncrypted = (payload: Payload) => metadataText(payload, METADATA_ENCODING_KEY) === ENCRYPTED_ENCODING;

/**
 * AES-256-GCM over the whole serialized Payload, so the original metadata (encoding, message type) is hidden too.
 * The key id travels in clear metadata: that is what lets old history decrypt after the active key has rotated.
 */
export function createEncryptionCodec(ring: KeyRing): PayloadCodec {
  return {
    async encode(payloads) {
      return payloads.map((payload) => {
        const { keyId, sealed } = seal(ring, temporal.api.common.v1.Payload.encode(payload).finish(), aad);
        return {
          metadata: { [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(keyId) },
          data: sealed,
        };
      });
    },
    async decode(payloads) {
      // Anything not ours passes untouched: histories written before encryption was switched on must still replay.
      return payloads.map((payload) => (isEncrypted(payload) ? decryptOne(ring, payload) : payload));
    },
  };
}

function decryptOne(ring: KeyRing, payload: Payload): Payload {
  const keyId = metadataText(payload, KEY_ID_METADATA);
  if (!keyId) throw new PayloadDecryptionError(`encrypted payload has no ${KEY_ID_METADATA} metadata`);
  if (!ring.keys.has(keyId)) {
    throw new PayloadDecryptionError(
      `payload was encrypted with key id "${keyId}", which is not in PAYLOAD_CODEC_KEYS (keep retired keys listed)`,
    );
  }
  let plain: Buffer;
  try {
    plain = open(ring, keyId, payload.data ?? new Uint8Array(), aad);
  } catch (error) {
    // GCM says only "unable to authenticate": say which key, never anything about the data.
    throw new PayloadDecryptionError(
      `payload under key id "${keyId}" failed to decrypt (tampered, truncated or wrong key): ${(error as Error).message}`,
    );
  }
  const inner = temporal.api.common.v1.Payload.decode(plain);
  return { metadata: inner.metadata, data: inner.data };
}
