import { createHmac, randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { ConfigError, type Config } from '../../config';

/** The audit chain's HMAC keys. PostgreSQL never sees them, so its owner alone cannot write a row that verifies. */
export interface ChainKeyRing {
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export function createChainKeyRing(entries: { id: string; key: string }[], activeId?: string): ChainKeyRing {
  const keys = new Map(entries.map(({ id, key }) => [id, Buffer.from(key, 'base64')] as const));
  const active = activeId ?? entries[0]?.id;
  if (!active || !keys.has(active))
    throw new ConfigError('Invalid configuration:\n  AUDIT_CHAIN_ACTIVE_KEY: unknown key id');
  for (const [id, key] of keys) {
    if (key.length < 32)
      throw new ConfigError(`Invalid configuration:\n  AUDIT_CHAIN_KEYS: key ${id} is under 32 bytes`);
  }
  return { activeId: active, keys };
}

/** Null when no key is configured; processes that append rows call requireChainKeys instead. */
export function chainKeysFromConfig(config: Config): ChainKeyRing | null {
  const entries = [
    ...(config.AUDIT_CHAIN_KEYS ?? []),
    ...(config.AUDIT_CHAIN_KEY ? [{ id: 'main', key: config.AUDIT_CHAIN_KEY }] : []),
  ];
  if (!entries.length) return null;
  return createChainKeyRing(entries, config.AUDIT_CHAIN_ACTIVE_KEY);
}

export function requireChainKeys(config: Config): ChainKeyRing {
  const ring = chainKeysFromConfig(config);
  if (!ring) {
    throw new ConfigError(
      'Invalid configuration:\n  AUDIT_CHAIN_KEY: required by processes that write the audit trail (openssl rand -base64 32)',
    );
  }
  return ring;
}

export const generateChainKeyEntry = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

export const hmacAlgorithm = (keyId: string) => `hmac-sha256:${keyId}`;

/** The algorithm label is inside the MAC, so a row cannot be relabelled with another key id or as unkeyed. */
export function hmacChainHash(key: Buffer, algorithm: string, prevHash: string, seq: number, body: string): string {
  return createHmac('sha256', key).update(`${algorithm}\n${prevHash}\n${seq}\n${body}`, 'utf8').digest('hex');
}

// The pool a process builds carries the key to every append made through it or its clients, so the many callers of
// appendDecision and recordCall (which pass a pool or a transaction's client) need no new parameter.
const bound = new WeakMap<object, ChainKeyRing>();

export function bindChainKeys<P extends Pool>(pool: P, ring: ChainKeyRing): P {
  bound.set(pool, ring);
  pool.on('connect', (client) => bound.set(client, ring));
  return pool;
}

export function boundChainKeys(db: Pool | PoolClient): ChainKeyRing {
  const ring = bound.get(db);
  if (!ring) {
    throw new Error('audit: this connection has no chain key (bindChainKeys on the pool, from AUDIT_CHAIN_KEY)');
  }
  return ring;
}
