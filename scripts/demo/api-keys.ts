import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { authenticateApiKey, createApiKey, type Role } from '../../security/api-keys';

export interface DemoApiKey {
  identity: string;
  role: Role;
  /** A file holding only the key (0600), so printed commands say `$(cat <path>)` and never the key itself. */
  path: string;
}

/**
 * API keys for the demo's on-call engineer (the same identity as their decision key, as the API requires) and an
 * auditor, minted as an operator would with `npm run api-keys`. Only a key's hash is in the database, so the key
 * is kept in a file beside the stack's data, and reused while it still authenticates as that person and role.
 */
export async function ensureDemoApiKeys(
  databaseUrl: string,
  dir: string,
  people: { oncall: string; auditor: string },
): Promise<{ oncall: DemoApiKey; auditor: DemoApiKey }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const ensure = async (identity: string, role: Role): Promise<DemoApiKey> => {
      const path = join(dir, `${identity}.api-key`);
      const kept = existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
      const principal = await authenticateApiKey(pool, kept);
      if (principal?.identity !== identity || principal.role !== role) {
        const { key } = await createApiKey(pool, { identity, role });
        writeFileSync(path, `${key}\n`, { mode: 0o600 });
      }
      return { identity, role, path };
    };
    return { oncall: await ensure(people.oncall, 'oncall'), auditor: await ensure(people.auditor, 'auditor') };
  } finally {
    await pool.end();
  }
}
