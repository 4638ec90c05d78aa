import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';

/** Least privilege: each role reaches only the endpoints and commands its job needs. */
export const roles = ['service', 'agent', 'oncall', 'analyst', 'reviewer', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const identitySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/, 'identity: lowercase letters, digits and . _ @ - (at most 64)');

export interface Principal {
  keyId: number;
  identity: string;
  role: Role;
}

const keyPattern = /^sb_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Issues a key and stores only its hash. The plaintext is returned once, to hand to its owner. */
export async function createApiKey(
  pool: Pool,
  input: { identity: string; role: Role },
): Promise<{ key: string; keyId: number; prefix: string }> {
  const identity = identitySchema.parse(input.identity);
  const role = z.enum(roles).parse(input.role);
  const prefix = randomBytes(6).toString('hex').slice(0, 8);
  const key = `sb_${prefix}_${randomBytes(32).toString('base64url')}`;
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO api_keys (identity, role, key_prefix, key_hash) VALUES ($1, $2, $3, $4) RETURNING id',
    [identity, role, prefix, hashApiKey(key)],
  );
  return { key, keyId: Number(rows[0]!.id), prefix };
}

export async function revokeApiKey(pool: Pool, prefix: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE api_keys SET revoked_at = now() WHERE key_prefix = $1 AND revoked_at IS NULL',
    [prefix],
  );
  return (rowCount ?? 0) > 0;
}

/** The principal behind a presented key, or null for a malformed, unknown or revoked key. */
export async function authenticateApiKey(pool: Pool, presented: string | undefined): Promise<Principal | null> {
  if (!presented || !keyPattern.test(presented)) return null;
  const hash = hashApiKey(presented);
  const { rows } = await pool.query<{ id: string; identity: string; role: Role; key_hash: string }>(
    'SELECT id, identity, role, key_hash FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [hash],
  );
  const row = rows[0];
  // The lookup is by hash already; the constant-time compare keeps timing from saying how close a guess came.
  if (!row || !timingSafeEqual(Buffer.from(row.key_hash), Buffer.from(hash))) return null;
  return { keyId: Number(row.id), identity: row.identity, role: row.role };
}

/** "Bearer sb_…" or a bare key, as sent in the Authorization header. */
export function keyFromAuthorizationHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : undefined;
}
