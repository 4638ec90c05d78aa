import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { createDataConverter } from '../../../security/data-converter';
import { createKeyRing } from '../../../security/keyring';
import { createEncryptionCodec } from '../../../security/payload-codec';

const keyA = { id: 'key-a', key: Buffer.alloc(32, 1).toString('base64') };
const keyB = { id: 'key-b', key: Buffer.alloc(32, 2).toString('base64') };
const message = { ticketId: 'T-1', message: 'My name is Jo Citizen and my bill is wrong' };
const plain = () => defaultPayloadConverter.toPayload(message);
const meta = (payload: Payload, key: string) => Buffer.from(payload.metadata![key]!).toString('utf8');

describe('the payload encryption codec', () => {
  it('round-trips a payload, metadata included, with nothing readable on the wire', async () => {
    const codec = createEncryptionCodec(createKeyRing([keyA]));
    const [encoded] = await codec.encode([plain()]);
    expect(meta(encoded!, 'encoding')).toBe('binary/encrypted');
    expect(meta(encoded!, 'encryption-key-id')).toBe('key-a');
    expect(Object.keys(encoded!.metadata!).sort()).toEqual(['encoding', 'encryption-key-id']);
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toMatch(/Citizen|json\/plain/);
    const [decoded] = await codec.decode([encoded!]);
    expect(meta(decoded!, 'encoding')).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(message);
  });

  it('encrypts the same value differently each time (fresh IV)', async () => {
    const codec = createEncryptionCodec(createKeyRing([keyA]));
    const [one, two] = await codec.encode([plain(), plain()]);
    expect(Buffer.from(one!.data!).equals(Buffer.from(two!.data!))).toBe(false);
  });

  it('after rotation decodes old payloads with the retired key and encrypts new ones with the active key', async () => {
    const [old] = await createEncryptionCodec(createKeyRing([keyA])).encode([plain()]);
    const rotated = createEncryptionCodec(createKeyRing([keyA, keyB], 'key-b'));
    const [decoded] = await rotated.decode([old!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(message);
    const [fresh] = await rotated.encode([plain()]);
    expect(meta(fresh!, 'encryption-key-id')).toBe('key-b');
  });

  it('names the missing key id, and never the key, when a retired key was dropped too early', async () => {
    const [old] = await createEncryptionCodec(createKeyRing([keyA])).encode([plain()]);
    const withoutA = createEncryptionCodec(createKeyRing([keyB]));
    const failure = await withoutA.decode([old!]).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/"key-a".*not in PAYLOAD_CODEC_KEYS/);
    expect((failure as Error).message).not.toContain(keyA.key);
    expect((failure as Error).message).not.toContain(keyB.key);
  });

  it('refuses tampered or truncated ciphertext', async () => {
    const codec = createEncryptionCodec(createKeyRing([keyA]));
    const [encoded] = await codec.encode([plain()]);
    const data = Buffer.from(encoded!.data!);
    data[20] = data[20]! ^ 0x01;
    await expect(codec.decode([{ ...encoded!, data }])).rejects.toThrow(/key-a.*failed to decrypt/);
    await expect(codec.decode([{ ...encoded!, data: data.subarray(0, 10) }])).rejects.toThrow(/failed to decrypt/);
  });

  it('refuses a payload whose key id metadata was swapped for another key in the ring', async () => {
    const codec = createEncryptionCodec(createKeyRing([keyA, keyB]));
    const [encoded] = await codec.encode([plain()]);
    const swapped = { ...encoded!, metadata: { ...encoded!.metadata, 'encryption-key-id': Buffer.from('key-b') } };
    await expect(codec.decode([swapped])).rejects.toThrow(/key-b.*failed to decrypt/);
  });

  it('passes unencrypted payloads through untouched, so histories from before encryption still replay', async () => {
    const codec = createEncryptionCodec(createKeyRing([keyA]));
    const payload = plain();
    const [decoded] = await codec.decode([payload]);
    expect(decoded).toBe(payload);
  });
});

describe('the data converter', () => {
  it('encrypts when there is a ring, and leaves payloads alone when encryption is off', () => {
    expect(createDataConverter(createKeyRing([keyA])).payloadCodecs).toHaveLength(1);
    expect(createDataConverter(null).payloadCodecs).toEqual([]);
  });

  it('always moves failure messages into an encoded attribute', () => {
    const { failureConverter } = loadDataConverter(createDataConverter(null));
    const failure = failureConverter.errorToFailure(new Error('Jo Citizen, 0412 345 678'), defaultPayloadConverter);
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    // In clear here; the payload codec encrypts it with every other payload on its way to the server.
    expect(defaultPayloadConverter.fromPayload(failure.encodedAttributes!)).toMatchObject({
      message: 'Jo Citizen, 0412 345 678',
    });
  });
});
