import type { Pool } from 'pg';
import { z } from 'zod';
import { deciderIdentitySchema, deciderRoles } from '../../domain/decisions';
import { keyIdOf, publicKeyFromBase64 } from './signing';

export const keyRoles = [...deciderRoles, 'issuer'] as const;
export type KeyRole = (typeof keyRoles)[number];

export interface RegisteredKey {
  keyId: string;
  identity: string;
  role: KeyRole;
  publicKeyBase64: string;
  revokedAt: Date | null;
}

export const registrationSchema = z.object({
  identity: deciderIdentitySchema,
  role: z.enum(keyRoles),
  publicKeyBase64: z.string().min(40).max(200),
  registeredBy: z.string().min(1).max(128),
});

/** Registers a public key against an identity and role; the key id is derived from the key, never chosen. */
export async function registerDecisionKey(pool: Pool, input: z.input<typeof registrationSchema>): Promise<string> {
  const { identity, role, publicKeyBase64, registeredBy } = registrationSchema.parse(input);
  const publicKey = publicKeyFromBase64(publicKeyBase64);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('a decision key must be Ed25519');
  const keyId = keyIdOf(publicKey);
  const { rows } = await pool.query<{ identity: string; role: string }>(
    `INSERT INTO decision_keys (key_id, identity, role, public_key, registered_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key_id) DO UPDATE SET key_id = EXCLUDED.key_id RETURNING identity, role`,
    [keyId, identity, role, publicKeyBase64, registeredBy],
  );
  // The same key registered twice for the same person is harmless; for someone else it is a mistake worth stopping.
  if (rows[0]!.identity !== identity || rows[0]!.role !== role) {
    throw new Error(`key ${keyId} is already registered to ${rows[0]!.role}:${rows[0]!.identity}`);
  }
  return keyId;
}

export async function revokeDecisionKey(pool: Pool, keyId: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE decision_keys SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL',
    [keyId],
  );
  return (rowCount ?? 0) > 0;
}

export async function findDecisionKey(pool: Pool, keyId: string): Promise<RegisteredKey | null> {
  const { rows } = await pool.query(
    'SELECT key_id, identity, role, public_key, revoked_at FROM decision_keys WHERE key_id = $1',
    [keyId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    keyId: row.key_id,
    identity: row.identity,
    role: row.role,
    publicKeyBase64: row.public_key,
    revokedAt: row.revoked_at,
  };
}

export async function listDecisionKeys(pool: Pool): Promise<RegisteredKey[]> {
  const { rows } = await pool.query(
    'SELECT key_id, identity, role, public_key, revoked_at FROM decision_keys ORDER BY identity, created_at',
  );
  return rows.map((row) => ({
    keyId: row.key_id,
    identity: row.identity,
    role: row.role,
    publicKeyBase64: row.public_key,
    revokedAt: row.revoked_at,
  }));
}

/**
 * Marks a nonce used by one verification. True the first time, and again for a retry of the same verification
 * (same `usedBy`); false when any other verification already used it: a replay.
 */
export async function consumeNonce(
  pool: Pool,
  use: { nonce: string; keyId: string; workflowId: string; usedBy: string },
): Promise<boolean> {
  const { rows } = await pool.query<{ used_by: string }>(
    `INSERT INTO decision_nonces (nonce, key_id, workflow_id, used_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (nonce) DO UPDATE SET nonce = EXCLUDED.nonce RETURNING used_by`,
    [use.nonce, use.keyId, use.workflowId, use.usedBy],
  );
  return rows[0]!.used_by === use.usedBy;
}
