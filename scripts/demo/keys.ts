import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { registerDecisionKey } from '../../activities/decisions/registry';
import type { SigningKey } from '../../activities/decisions/signing';
import { createKeyFile, loadKeyFile } from '../../client/cli/signing-key';
import type { DeciderRole } from '../../domain/decisions';

export interface DemoPerson {
  identity: string;
  role: DeciderRole;
  /** The key file, as `switchboard keys create` writes it: what SWITCHBOARD_SIGNING_KEY names. */
  path: string;
  key: SigningKey;
}

/**
 * The demo's people and their decision keys, kept beside the dev stack's data and registered in its database, as
 * an administrator would register each person's public key. The demo signs its own decisions with them, and prints
 * the commands an engineer would run with theirs.
 */
export async function ensureDemoPeople(databaseUrl: string, dir: string): Promise<Record<DeciderRole, DemoPerson>> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const oncall = await pool.query<{ engineer_id: string }>(
      "SELECT engineer_id FROM oncall_roster WHERE team = 'core-network' ORDER BY tier, engineer_id LIMIT 1",
    );
    const people: Array<[DeciderRole, string]> = [
      ['oncall', oncall.rows[0]?.engineer_id ?? 'eng.demo'],
      ['agent', 'demo-agent'],
      ['reviewer', 'demo-reviewer'],
      ['analyst', 'demo-analyst'],
    ];
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const entries = await Promise.all(
      people.map(async ([role, identity]) => {
        const path = join(dir, `${identity}.json`);
        // The same key file `switchboard keys create` writes, so SWITCHBOARD_SIGNING_KEY can name it.
        const { key } = existsSync(path) ? loadKeyFile(path) : createKeyFile(path, identity, role);
        const publicKeyBase64 = key.publicKeyBase64;
        await registerDecisionKey(pool, { identity, role, publicKeyBase64, registeredBy: 'demo' });
        return [role, { identity, role, path, key }] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<DeciderRole, DemoPerson>;
  } finally {
    await pool.end();
  }
}
