import { z } from 'zod';
import { errorBodySchema } from './errors';
import { describeAccess, roleMatrixMarkdown } from './roles';
import type { ApiRoute } from './route';

type JsonSchema = Record<string, unknown>;

/** Request schemas describe what a caller may send (zod's input side), responses what the API returns. */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(route: ApiRoute) {
  const from = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const described = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(described.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (described.required ?? []).includes(name),
      schema: property,
    }));
  };
  return [...from(route.params, 'path'), ...from(route.query, 'query')];
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } },
});

function operation(route: ApiRoute) {
  const isPublic = route.access === 'public';
  const responses: Record<string, unknown> = {};
  for (const [status, declared] of Object.entries(route.responses)) {
    // Every error is errors.ts's one body, so a route that names only a status still documents its shape.
    const spec = Number(status) >= 400 && !declared.schema ? { ...declared, schema: errorBodySchema } : declared;
    const types = spec.contentTypes ?? ['application/json'];
    responses[status] = {
      description: spec.description,
      ...(spec.schema || spec.contentTypes
        ? {
            content: Object.fromEntries(
              types.map((type) => [
                type,
                spec.schema && type.includes('json') ? { schema: jsonSchema(spec.schema, 'output') } : {},
              ]),
            ),
          }
        : {}),
    };
  }
  const isPost = route.method === 'POST';
  // What the framework answers before a handler runs: malformed JSON on any POST, too big, not JSON.
  if (route.body || route.params || route.query || isPost) responses['400'] ??= errorResponse('Invalid request');
  // A path value that names nothing: handlers say so, and so do Temporal's "no such workflow" errors (errors.ts).
  if (route.params) responses['404'] ??= errorResponse('Not found');
  if (isPost) {
    responses['413'] ??= errorResponse('Body larger than 64 KiB');
    responses['415'] ??= errorResponse('Body is not application/json');
  }
  if (!isPublic) {
    responses['401'] ??= errorResponse('Missing, unknown or revoked API key');
    if (route.access !== 'any') responses['403'] ??= errorResponse('Your role may not call this endpoint');
    responses['429'] ??= errorResponse('Rate limited: per key, or per address without a key');
  }
  return {
    summary: route.summary,
    description: [route.description, describeAccess(route.access)].filter(Boolean).join('\n\n'),
    tags: route.tags,
    ...(isPublic ? { security: [] } : {}),
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }
      : {}),
    responses,
  };
}

/** Built from the mounted routes and their zod schemas, so the document cannot drift from what the server checks. */
export function buildOpenApiDocument(routes: ApiRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version: '1',
      description: [
        'Tickets, network faults, fraud review and compliance reports, as Temporal workflows.',
        'Authenticate with `Authorization: Bearer <key>`; the key decides your role and your identity, and every',
        'decision you send carries that identity. Errors are `{ "error": { "code", "message", "issues"? } }`.',
        '',
        '## Role matrix',
        '',
        roleMatrixMarkdown(),
      ].join('\n'),
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'sb_… API key' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
