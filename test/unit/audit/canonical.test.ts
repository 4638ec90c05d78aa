import fc from 'fast-check';
import { canonicalJson } from '../../../activities/audit/canonical';
import { chainHash, contentBody } from '../../../activities/audit/chain';

describe('canonicalJson', () => {
  it('sorts keys at every depth, whatever order they were written in', () => {
    const a = { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } };
    const b = { a: { c: null, d: [{ y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('orders integer-like keys as strings, unlike JSON.stringify of a JS object', () => {
    expect(canonicalJson({ 10: 'x', 9: 'y', a: 'z' })).toBe('{"10":"x","9":"y","a":"z"}');
  });

  it('drops undefined members, keeps array positions, and writes dates as ISO strings', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: new Date('2026-01-02T03:04:05.678Z') })).toBe(
      '{"b":[null,1],"c":"2026-01-02T03:04:05.678Z"}',
    );
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('survives a round trip through JSON, as details do through jsonb', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('chainHash', () => {
  const content = {
    recordedAt: '2026-01-02T03:04:05.678Z',
    kind: 'decision',
    workflowId: 'fault-1',
    actor: 'oncall:alice',
    action: 'fault.action_executed',
    details: { action: 'restart_bgp', executionId: '7' },
    sampleKeyId: null,
    sample: null,
  };

  it('changes with any of the previous hash, the seq or the content', () => {
    const base = chainHash('0'.repeat(64), 1, contentBody(content));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('1'.repeat(64), 1, contentBody(content))).not.toBe(base);
    expect(chainHash('0'.repeat(64), 2, contentBody(content))).not.toBe(base);
    expect(chainHash('0'.repeat(64), 1, contentBody({ ...content, actor: 'oncall:mallory' }))).not.toBe(base);
  });
});
