import fc from 'fast-check';
import { checkDecision, type VerifierDeps } from '../../../activities/decisions/verify';
import { generateSigningKey, type SigningKey } from '../../../activities/decisions/signing';
import type { RegisteredKey } from '../../../activities/decisions/registry';
import { signDecision } from '../../../client/decisions';
import type { DecisionExpectation, SignedDecision } from '../../../domain/decisions';

/**
 * The verifier attacked with generated inputs rather than the forgeries we thought of: whatever an outsider changes
 * in a genuine signed decision, or sends instead of one, it never verifies; the genuine one verifies exactly once.
 */
const now = new Date('2026-12-05T10:00:00Z');
const alice = generateSigningKey();
const expected: DecisionExpectation = {
  kind: 'fault',
  workflowId: 'fault-RTR-SYD-02-memory_high',
  runId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  subject: 'reboot_device@RTR-SYD-02',
};

function registry(keys: SigningKey[]): VerifierDeps {
  const known = new Map<string, RegisteredKey>(
    keys.map((k) => [
      k.keyId,
      { keyId: k.keyId, identity: 'eng.alice', role: 'oncall', publicKeyBase64: k.publicKeyBase64, revokedAt: null },
    ]),
  );
  const used = new Set<string>();
  return {
    findKey: async (keyId) => known.get(keyId) ?? null,
    consumeNonce: async (nonce) => !used.has(nonce) && used.add(nonce) !== undefined,
  };
}

const genuine = (): SignedDecision =>
  signDecision(
    {
      ...expected,
      subject: expected.subject!,
      decision: 'approve',
      emergency: true,
      reason: 'major outage',
      identity: 'eng.alice',
      now,
    },
    alice,
  );

const statementFields = [
  'v',
  'kind',
  'workflowId',
  'runId',
  'subject',
  'decision',
  'emergency',
  'reason',
  'identity',
  'role',
  'via',
  'nonce',
  'issuedAt',
  'expiresAt',
] as const;

describe('decision verification under generated attacks', () => {
  it('verifies the genuine decision once, and refuses its replay', async () => {
    const deps = registry([alice]);
    const signed = genuine();
    expect(await checkDecision(signed, expected, now, deps)).toMatchObject({ valid: true, emergency: true });
    expect(await checkDecision(signed, expected, now, deps)).toMatchObject({ valid: false, refusal: /already used/ });
  });

  it('refuses any change to any signed field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...statementFields),
        fc.oneof(
          fc.string(),
          fc.boolean(),
          fc.integer(),
          fc.constant(null),
          fc.constantFrom('reject', 'api', 'agent', 'eng.bob'),
        ),
        async (field, value) => {
          const signed = genuine();
          fc.pre(JSON.stringify(signed.statement[field]) !== JSON.stringify(value));
          const tampered = { ...signed, statement: { ...signed.statement, [field]: value } };
          expect((await checkDecision(tampered, expected, now, registry([alice]))).valid).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a signature with any byte changed, or under another key id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(63), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (index, xor, swapKey) => {
        const signed = genuine();
        const bytes = Buffer.from(signed.signature, 'base64url');
        bytes[index % bytes.length]! ^= xor;
        const tampered = swapKey
          ? { ...signed, keyId: generateSigningKey().keyId }
          : { ...signed, signature: bytes.toString('base64url') };
        expect((await checkDecision(tampered, expected, now, registry([alice]))).valid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a correctly signed decision bound to anything but this run and action', async () => {
    const text = fc.stringMatching(/^[A-Za-z0-9_@-]{1,40}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ workflowId: text, runId: text, subject: text }, { requiredKeys: [] }),
        async (other) => {
          const bound = { ...expected, subject: expected.subject!, ...other };
          fc.pre(
            bound.workflowId !== expected.workflowId ||
              bound.runId !== expected.runId ||
              bound.subject !== expected.subject,
          );
          const signed = signDecision(
            { ...bound, decision: 'approve', reason: 'x', identity: 'eng.alice', now },
            alice,
          );
          expect((await checkDecision(signed, expected, now, registry([alice]))).valid).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a decision signed by any key but the registered one, and any time outside its window', async () => {
    const mallory = generateSigningKey();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -48, max: 48 }), async (hoursOff) => {
        const at = new Date(now.getTime() + hoursOff * 3_600_000);
        const forged = signDecision(
          { ...expected, subject: expected.subject!, decision: 'approve', reason: 'x', identity: 'eng.alice', now },
          mallory,
        );
        expect((await checkDecision(forged, expected, at, registry([alice]))).valid).toBe(false);
        const genuineLate = (await checkDecision(genuine(), expected, at, registry([alice]))).valid;
        // Valid from issue (with five minutes' skew) until its fifteen-minute expiry, and never outside that.
        expect(genuineLate).toBe(hoursOff === 0);
      }),
      { numRuns: 97 },
    );
  });

  it('never accepts, and never throws on, arbitrary input in place of a signed decision', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.anything()), async (input) => {
        const check = await checkDecision(input, expected, now, registry([alice]));
        expect(check.valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
