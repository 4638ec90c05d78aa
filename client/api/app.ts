import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAuth, rateLimitKey } from './auth';
import { createContext, type ApiDeps } from './context';
import { ApiError, errorBody, toErrorReply } from './errors';
import { mountDocs } from './docs';
import { mountRoutes, type ApiRoute } from './route';
import { acmaReviewRoute } from './routes/acma-review';
import { auditRoutes } from './routes/audit';
import { faultRoutes } from './routes/faults';
import { fraudRoutes } from './routes/fraud';
import { reportRoutes } from './routes/reports';
import { systemRoutes } from './routes/system';
import { ticketRoutes } from './routes/tickets';

export type { ApiDeps } from './context';

/** Large enough for an 8,000-character ticket in any script; anything bigger is a mistake or an attack. */
const bodyLimitBytes = 64 * 1024;

/** The HTTP API, ready to `listen` or `inject`. The caller owns the Temporal client and the pool. */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: bodyLimitBytes });
  // JSON only: text/plain bodies would reach handlers as strings and fail validation less clearly than a 415.
  app.removeContentTypeParser('text/plain');
  const context = createContext(deps);

  app.setErrorHandler((error, request, reply) => {
    const { status, body, serverFault } = toErrorReply(error);
    if (serverFault) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `no endpoint ${request.method} ${request.url.split('?')[0]}`)),
  );
  app.addHook('onResponse', async (request, reply) => {
    context.metrics.observeRequest(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  installAuth(app, deps.pool);
  await app.register(rateLimit, {
    global: true,
    max: deps.config.API_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, limit) =>
      new ApiError(
        429,
        'rate_limited',
        `rate limit of ${limit.max} requests a minute reached; retry in ${limit.after}`,
      ),
  });

  const routes: ApiRoute[] = [];
  routes.push(
    ...systemRoutes(context, () => routes),
    ...ticketRoutes(context),
    ...faultRoutes(context),
    ...fraudRoutes(context),
    ...reportRoutes(context),
    acmaReviewRoute(context),
    ...auditRoutes(context),
  );
  mountRoutes(app, routes);
  mountDocs(app);
  await app.ready();
  return app;
}
