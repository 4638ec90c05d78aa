import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { authenticateApiKey, keyFromAuthorizationHeader, type Principal } from '../../security/api-keys';
import { cookieValue, sessionCookieName, type SessionStore } from './sessions';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

async function stillActive(pool: Pool, principal: Principal): Promise<boolean> {
  const { rowCount } = await pool.query('SELECT 1 FROM api_keys WHERE id = $1 AND revoked_at IS NULL', [
    principal.keyId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Who made each request that passed the guard, for the decode's audit row. */
const auditors = new WeakMap<FastifyRequest, Principal & { via: 'api_key' | 'session' }>();

export function auditorOf(request: FastifyRequest): Principal & { via: 'api_key' | 'session' } {
  const principal = auditors.get(request);
  if (!principal) throw new HttpError(401, 'no auditor on this request');
  return principal;
}

/**
 * Only auditors read customer data. A request proves it with `Authorization: Bearer <api key>` (CLI, scripts) or
 * the session cookie from /login (the Web UI in a browser). Either may be present: the UI can add its own OIDC
 * token next to the cookie, and that token must not hide a valid session.
 */
export function auditorGuard(pool: Pool, sessions: SessionStore, corsOrigin: string) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const bearer = await authenticateApiKey(pool, keyFromAuthorizationHeader(request.headers.authorization));
    if (bearer?.role === 'auditor') {
      auditors.set(request, { ...bearer, via: 'api_key' });
      return;
    }
    let session = sessions.get(cookieValue(request.headers.cookie, sessionCookieName));
    // A cookie rides along on cross-site requests; only the Web UI's origin (or no browser origin) may use it.
    const origin = request.headers.origin;
    if (session && origin !== undefined && origin !== corsOrigin) session = null;
    if (session && !(await stillActive(pool, session))) session = null;
    if (session?.role === 'auditor') {
      auditors.set(request, { ...session, via: 'session' });
      return;
    }
    const principal = bearer ?? session;
    if (!principal) throw new HttpError(401, 'an auditor API key (Authorization: Bearer <key>) or /login session');
    throw new HttpError(403, `role ${principal.role} may not read payloads; only auditors may`);
  };
}
