import type { FastifyInstance } from 'fastify';
import { Pool } from 'pg';
import { buildApi } from '../../../client/api/app';
import { connectClient, type SwitchboardConnection } from '../../../client';
import { createApiKey, roles, type Role } from '../../../security/api-keys';
import { keyRingFromConfig } from '../../../security/keyring';
import { registerDecisionKey } from '../../../activities/decisions/registry';
import { generateSigningKey } from '../../../activities/decisions/signing';
import { e2eHarness, type E2EHarness } from '../support';

/** eng.alice is tier 1 on core-network in the seeded roster, so her approvals count for the seeded BGP fault. */
export const oncallIdentity = 'eng.alice';

export interface CallOptions {
  as?: Role | null;
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is, for malformed bodies. */
  payload?: string;
}

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on whatever came back
  json(): any;
}

export interface ApiTestBed {
  harness: E2EHarness;
  app: FastifyInstance;
  connection: SwitchboardConnection;
  pool: Pool;
  keys: Record<Role, string>;
  identities: Record<Role, string>;
  baseUrl: string;
  /** An HTTP request to the listening server with the role's key (or a raw key, or none). */
  call(method: 'GET' | 'POST', url: string, options?: CallOptions): Promise<ApiResponse>;
  mintKey(identity: string, role: Role): Promise<{ key: string; prefix: string }>;
  close(): Promise<void>;
}

/** A real worker (offline engine), a real API on its own task queue, and one fresh key per role. */
export async function apiTestBed(
  options: { env?: Record<string, string>; now?: () => Date } = {},
): Promise<ApiTestBed> {
  const harness = await e2eHarness({ env: { FAULT_SETTLE_TIME: '200ms', ...options.env } });
  const connection = await connectClient(harness.config);
  const pool = new Pool({ connectionString: harness.config.DATABASE_URL, max: 4 });
  pool.on('error', () => {});
  // The API's issuer key, registered as a deployment would: decisions made through the API are signed with it.
  const issuer = generateSigningKey();
  await registerDecisionKey(pool, {
    identity: 'switchboard-api',
    role: 'issuer',
    publicKeyBase64: issuer.publicKeyBase64,
    registeredBy: 'test',
  });
  const app = await buildApi({
    config: harness.config,
    client: connection.client,
    pool,
    ring: keyRingFromConfig(harness.config),
    issuer,
    ...(options.now ? { now: options.now } : {}),
  });
  // A real server on a free port: requests go through the network stack, as the CLI's will.
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const suffix = Math.random().toString(36).slice(2, 8);
  const identities = Object.fromEntries(
    roles.map((role) => [role, role === 'oncall' ? oncallIdentity : `${role}.${suffix}`]),
  ) as Record<Role, string>;
  const keys = {} as Record<Role, string>;
  for (const role of roles) keys[role] = (await createApiKey(pool, { identity: identities[role], role })).key;

  return {
    harness,
    app,
    connection,
    pool,
    keys,
    identities,
    baseUrl,
    async call(method, url, { as, key, body, headers = {}, payload } = {}) {
      const bearer = key ?? (as ? keys[as] : undefined);
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: payload ?? (body !== undefined ? JSON.stringify(body) : undefined),
      });
      const text = await response.text();
      return {
        statusCode: response.status,
        headers: Object.fromEntries(response.headers),
        body: text,
        json: () => JSON.parse(text),
      };
    },
    mintKey: (identity, role) => createApiKey(pool, { identity, role }),
    close: async () => {
      await app.close();
      await connection.close();
      await pool.end();
      await harness.close();
    },
  };
}

export const errorShape = expect.objectContaining({
  error: expect.objectContaining({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) }),
});

export async function until<T>(
  probe: () => Promise<T | undefined | null>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
