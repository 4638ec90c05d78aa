import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { authenticateApiKey, keyFromAuthorizationHeader, type Principal } from '../../security/api-keys';
import { ApiError } from './errors';
import type { Access } from './roles';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const accessOf = (request: FastifyRequest): Access | undefined => request.routeOptions.config?.access;

/**
 * Two steps, so the rate limiter (a route-level onRequest hook, which runs after these instance hooks) can key on
 * the authenticated key, and still count failed attempts per IP: identify in onRequest, refuse in preParsing,
 * which also means a refused caller's body is never read.
 */
export function installAuth(app: FastifyInstance, pool: Pool): void {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    if (!access || access === 'public') return;
    request.principal = await authenticateApiKey(pool, keyFromAuthorizationHeader(request.headers.authorization));
  });

  app.addHook('preParsing', async (request) => {
    const access = accessOf(request);
    if (!access || access === 'public') return;
    const principal = request.principal;
    if (!principal) throw new ApiError(401, 'unauthorized', 'missing or invalid API key (Authorization: Bearer <key>)');
    if (access !== 'any' && !access.includes(principal.role)) {
      throw new ApiError(
        403,
        'forbidden',
        `role ${principal.role} may not call ${request.method} ${request.routeOptions.url}`,
      );
    }
  });
}

/** The rate limiter's key: the API key when there is one, else the address (so key guessing is limited too). */
export const rateLimitKey = (request: FastifyRequest): string =>
  request.principal ? `key:${request.principal.keyId}` : `ip:${request.ip}`;
