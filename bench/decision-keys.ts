import { Pool } from 'pg';
import { registerDecisionKey } from '../activities/decisions/registry';
import { generateSigningKey, type SigningKey } from '../activities/decisions/signing';
import { requireDatabaseUrl } from '../config';
import type { DeciderRole } from '../domain/decisions';
import type { BenchContext } from './context';

/**
 * One decision key per person the bench decides as, registered once as an administrator would: the timed round
 * trips include verifying a real signature, as production's do.
 */
export function benchKeys(ctx: BenchContext, role: DeciderRole): (identity: string) => Promise<SigningKey> {
  const keys = new Map<string, Promise<SigningKey>>();
  return (identity) => {
    const existing = keys.get(identity);
    if (existing) return existing;
    const made = (async () => {
      const key = generateSigningKey();
      const pool = new Pool({ connectionString: requireDatabaseUrl(ctx.config), max: 1 });
      try {
        await registerDecisionKey(pool, {
          identity,
          role,
          publicKeyBase64: key.publicKeyBase64,
          registeredBy: 'bench',
        });
      } finally {
        await pool.end();
      }
      return key;
    })();
    keys.set(identity, made);
    return made;
  };
}
