import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { bindChainKeys, createChainKeyRing, type ChainKeyRing } from '../../activities/audit/chain-keys';

const migrations = ['1764100000000_audit-log.sql', '1764200000000_audit-hardening.sql'];

export interface AuditSchema {
  schema: string;
  /** The database owner (a superuser in the test stacks), with the audit tables first on its path. */
  owner: Pool;
  keys: ChainKeyRing;
  /** A login granted switchboard_app, as the worker, API and codec server connect, on the same schema. */
  appLogin(): Promise<Pool>;
  /** Empties the chain and its anchor, as only a superuser can (user triggers off for the moment). */
  reset(): Promise<void>;
  /** What a superuser could do: run SQL with the audit triggers switched off. */
  asSuperuser(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Other e2e files append to public.audit_log while these run (jest runs files in parallel), so each audit test file
 * builds the audit tables from the migrations in a schema of its own, with its own chain key.
 */
export async function auditSchema(): Promise<AuditSchema> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through the jest e2e project');
  const schema = `audit_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.model_calls (LIKE public.model_calls INCLUDING ALL)`);
  const keys = createChainKeyRing([{ id: 'test-k1', key: randomBytes(32).toString('base64') }]);
  const owner = bindChainKeys(new Pool({ connectionString: url, max: 8, options: `-c search_path=${schema}` }), keys);
  for (const file of migrations) {
    const sql = readFileSync(join(__dirname, '../../db/migrations', file), 'utf8');
    await owner.query(sql.slice(0, sql.indexOf('-- Down Migration')));
  }
  const logins: { role: string; pool: Pool }[] = [];

  const asSuperuser = async (sql: string, params: unknown[] = []) => {
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await client.query('ALTER TABLE audit_chain_anchor DISABLE TRIGGER USER');
      // A multi-statement string goes as a simple query, which takes no parameters.
      await (params.length ? client.query(sql, params) : client.query(sql));
      await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      await client.query('ALTER TABLE audit_chain_anchor ENABLE TRIGGER USER');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    schema,
    owner,
    keys,
    async appLogin() {
      const role = `${schema}_app`;
      const password = randomBytes(18).toString('base64url');
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' IN ROLE switchboard_app`);
      const login = new URL(url);
      login.username = role;
      login.password = password;
      const pool = new Pool({ connectionString: login.toString(), max: 4, options: `-c search_path=${schema}` });
      logins.push({ role, pool });
      return bindChainKeys(pool, keys);
    },
    reset: () => asSuperuser('TRUNCATE audit_log, model_calls; DELETE FROM audit_chain_anchor'),
    asSuperuser,
    async close() {
      for (const { pool } of logins) await pool.end();
      await owner.end();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      // The login owns nothing; with the schema gone, nothing refers to it.
      for (const { role } of logins) await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    },
  };
}
