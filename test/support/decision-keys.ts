import { Context } from '@temporalio/activity';
import { roleForKind, type DecisionCheck, type DecisionExpectation, type DeciderRole } from '../../domain/decisions';
import type { KeyRole, RegisteredKey } from '../../activities/decisions/registry';
import { generateSigningKey, type SigningKey } from '../../activities/decisions/signing';
import { checkDecision } from '../../activities/decisions/verify';
import { signDecision, type DecisionToSign } from '../../client/decisions';

/**
 * Real Ed25519 keys for test people, and the real verifier over an in-memory registry: workflow tests exercise the
 * same signature, binding, expiry and nonce checks that the activity runs against PostgreSQL.
 */
export class TestKeyring {
  private readonly keys = new Map<string, RegisteredKey>();
  private readonly signing = new Map<string, SigningKey>();
  private readonly nonces = new Map<string, string>();
  readonly checks: DecisionCheck[] = [];

  key(identity: string, role: KeyRole): SigningKey {
    const name = `${role}:${identity}`;
    const existing = this.signing.get(name);
    if (existing) return existing;
    const key = generateSigningKey();
    this.signing.set(name, key);
    this.keys.set(key.keyId, {
      keyId: key.keyId,
      identity,
      role,
      publicKeyBase64: key.publicKeyBase64,
      revokedAt: null,
    });
    return key;
  }

  /** A key nobody registered: what a forger has. */
  unregistered(): SigningKey {
    return generateSigningKey();
  }

  revoke(identity: string, role: KeyRole): void {
    const key = this.key(identity, role);
    this.keys.get(key.keyId)!.revokedAt = new Date();
  }

  sign(input: Omit<DecisionToSign, 'identity'> & { identity: string; role?: DeciderRole }, key?: SigningKey) {
    return signDecision(input, key ?? this.key(input.identity, input.role ?? roleForKind[input.kind]));
  }

  /** The verifyDecision activity, for stubbed workers. */
  activity() {
    return {
      verifyDecision: async (input: { submitted: unknown; expected: DecisionExpectation; receivedAt: string }) => {
        const usedBy = Context.current().info.activityId + Context.current().info.workflowExecution?.runId;
        const check = await checkDecision(input.submitted, input.expected, new Date(input.receivedAt), {
          findKey: async (keyId) => this.keys.get(keyId) ?? null,
          consumeNonce: async (nonce) => {
            const first = this.nonces.get(nonce) ?? usedBy;
            this.nonces.set(nonce, first);
            return first === usedBy;
          },
        });
        this.checks.push(check);
        return check;
      },
    };
  }
}
