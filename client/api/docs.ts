import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * Swagger UI at /docs over /openapi.json. Served from swagger-ui-dist's files rather than @fastify/swagger-ui, whose
 * @fastify/static pulls in ES-module-only packages that jest cannot load; the page itself needs nothing more.
 */
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** The package's folder; it ships no types, and its files are all this needs. */
const distDir = dirname(require.resolve('swagger-ui-dist/swagger-ui.css'));

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Switchboard API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
    </script>
  </body>
</html>
`;

export function mountDocs(app: FastifyInstance): void {
  const cache = new Map<string, Promise<Buffer>>();
  const config = { access: 'public' as const, rateLimit: false as const };
  app.get('/docs', { config }, (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  app.get<{ Params: { asset: string } }>('/docs/:asset', { config }, async (request, reply) => {
    const type = Object.hasOwn(assets, request.params.asset) ? assets[request.params.asset] : undefined;
    if (!type) return reply.callNotFound();
    if (!cache.has(request.params.asset)) {
      cache.set(request.params.asset, readFile(join(distDir, request.params.asset)));
    }
    // Versioned with the package, so browsers may keep them for a day.
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=86400')
      .send(await cache.get(request.params.asset));
  });
}
