import { randomBytes } from 'node:crypto';
import { isSampled, openSample, sealSample } from '../../../activities/audit/sampling';
import { createKeyRing } from '../../../security/keyring';
import { modelExchange } from '../../support/model-exchange';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `wf-${i}|activity-1|1|req_${i}`);

describe('isSampled', () => {
  it('gives the same answer for the same call every time', () => {
    for (const key of keys(200)) expect(isSampled(key, 0.3)).toBe(isSampled(key, 0.3));
  });

  it('samples about the configured share of calls', () => {
    const share = keys(20_000).filter((key) => isSampled(key, 0.05)).length / 20_000;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.06);
  });

  it('samples nothing at 0 and everything at 1', () => {
    expect(keys(500).some((key) => isSampled(key, 0))).toBe(false);
    expect(keys(500).every((key) => isSampled(key, 1))).toBe(true);
  });

  it('keeps a sampled call sampled when the rate goes up', () => {
    const atFive = keys(2000).filter((key) => isSampled(key, 0.05));
    expect(atFive.every((key) => isSampled(key, 0.2))).toBe(true);
  });
});

describe('sealed samples', () => {
  const ring = createKeyRing([{ id: 'k1', key: randomBytes(32).toString('base64') }]);
  const exchange = modelExchange(
    { id: 'classify', version: 'abc', system: 'You route tickets.' },
    '{"intent":"billing"}',
  );

  it('opens only on the row whose sample id it was sealed for', () => {
    const { keyId, sealed } = sealSample(ring, 'sample-1', exchange);
    expect(sealed.includes(Buffer.from('You route tickets.'))).toBe(false);
    expect(openSample(ring, { details: { sampleId: 'sample-1' }, sample_key_id: keyId, sample: sealed })).toEqual(
      exchange,
    );
    expect(() =>
      openSample(ring, { details: { sampleId: 'sample-2' }, sample_key_id: keyId, sample: sealed }),
    ).toThrow();
  });
});
