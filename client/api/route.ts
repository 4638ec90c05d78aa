import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../../security/api-keys';
import { ApiError, errorBody } from './errors';
import { accessFor, type Access } from './roles';
import { issueLines } from '../../domain/zod-issues';

/** Fields that name who decided. They come from the caller's key, never from the body. */
const identityFields = ['agentId', 'approver', 'analyst'] as const;

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentTypes?: string[];
}

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B, Q, P> {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** The decision's identity is the key's: a body that names one is refused, never silently overwritten. */
  identityFromKey?: boolean;
  /** Status of a successful reply (the handler may still send its own). */
  status?: number;
  responses: Record<number, ResponseSpec>;
  handler(context: RouteContext<B, Q, P>): Promise<unknown>;
}

/** A route with its types erased, as the app mounts it and the OpenAPI document describes it. */
export interface ApiRoute {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  responses: Record<number, ResponseSpec>;
  run(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

function parsePart<T>(schema: z.ZodType<T>, value: unknown, part: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issueLines(result.error);
  throw new ApiError(400, `invalid_${part}`, `invalid request ${part}`, issues);
}

function refuseIdentity(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const named = identityFields.filter((field) => field in body);
  if (named.length) {
    throw new ApiError(400, 'identity_not_allowed', `identity comes from your API key: remove ${named.join(', ')}`);
  }
}

export function defineRoute<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): ApiRoute {
  const access = accessFor(spec.method, spec.url);
  if (!access) throw new Error(`${spec.method} ${spec.url} is missing from the access table in roles.ts`);
  return {
    ...spec,
    access,
    async run(request, reply) {
      if (spec.identityFromKey) refuseIdentity(request.body);
      const params = spec.params ? parsePart(spec.params, request.params, 'params') : (undefined as P);
      const query = spec.query ? parsePart(spec.query, request.query, 'query') : (undefined as Q);
      // A POST with no body at all is an empty object, so routes whose fields are all optional need none.
      const body = spec.body ? parsePart(spec.body, request.body ?? {}, 'body') : (undefined as B);
      const result = await spec.handler({ body, query, params, principal: request.principal, request, reply });
      if (!reply.sent && spec.status) reply.code(spec.status);
      return result;
    },
  };
}

/** Decorated on every request by auth.ts; non-null on every route that is not public. */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new ApiError(401, 'unauthorized', 'missing or invalid API key');
  return principal;
}

/** Methods a path may be asked for; any it does not serve gets 405 with Allow, not a 404 for a path that exists. */
const knownMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'QUERY'] as const;

export function mountRoutes(app: FastifyInstance, routes: ApiRoute[]): void {
  const served = new Map<string, Set<string>>();
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: { access: route.access, ...(route.access === 'public' ? { rateLimit: false } : {}) },
      handler: (request, reply) => route.run(request, reply),
    });
    const methods = served.get(route.url) ?? new Set<string>();
    // Fastify answers HEAD for every GET route by itself.
    methods.add(route.method).add(route.method === 'GET' ? 'HEAD' : route.method);
    served.set(route.url, methods);
  }
  for (const [url, methods] of served) {
    const allow = [...methods].join(', ');
    const refuse = (request: FastifyRequest, reply: FastifyReply) =>
      reply
        .code(405)
        .header('allow', allow)
        .send(errorBody('method_not_allowed', `${request.method} is not allowed here; use ${allow}`));
    app.route({
      method: knownMethods.filter((method) => !methods.has(method)),
      url,
      // Public and unlimited: the answer says only which methods exist, which the OpenAPI document says anyway.
      config: { access: 'public', rateLimit: false },
      // In onRequest, so no body is read: a malformed one must not turn the 405 into a 400 or 415.
      onRequest: async (request, reply) => refuse(request, reply),
      handler: async (request, reply) => refuse(request, reply),
    });
  }
}
