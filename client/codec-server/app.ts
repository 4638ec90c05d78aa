import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { ChainKeyRing } from '../../activities/audit/chain-keys';
import type { KeyRing } from '../../security/keyring';
import { createEncryptionCodec, PayloadDecryptionError } from '../../security/payload-codec';
import { auditorGuard, HttpError } from './auth';
import { recordDecode } from './decode-audit';
import { installLogin } from './login';
import { payloadsBodySchema, payloadsFromJson, payloadsToJson } from './payloads';
import { createSessionStore } from './sessions';
import { issueLines } from '../../domain/zod-issues';

export interface CodecServerOptions {
  ring: KeyRing;
  pool: Pool;
  /** Signs the audit row every decode writes. */
  chainKeys: ChainKeyRing;
  /** The Temporal Web UI's origin: the only one a browser may call from. */
  corsOrigin: string;
  /** When set, requests for another namespace (X-Namespace header or /{namespace}/decode) are refused. */
  namespace?: string;
  sessionTtlMs?: number;
}

/**
 * Temporal's remote codec protocol (POST …/encode and …/decode, Payloads as protobuf JSON) for auditors, so the
 * Web UI and `temporal --codec-endpoint` can show customer data that history holds only encrypted.
 */
export function buildCodecServer(options: CodecServerOptions): FastifyInstance {
  const corsOrigin = new URL(options.corsOrigin).origin;
  const ttlMs = options.sessionTtlMs ?? 8 * 3_600_000;
  const sessions = createSessionStore(ttlMs);
  const codec = createEncryptionCodec(options.ring);
  // No request logging: bodies are customer data. A decoded history can exceed fastify's 1 MiB default.
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 });

  void app.register(cors, {
    origin: [corsOrigin],
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace', 'X-Workflow-Id'],
    maxAge: 600,
  });
  app.addHook('onSend', async (_request, reply) => {
    // Decoded payloads are personal data: no cache may keep them, no page may frame the login form.
    reply.header('cache-control', 'no-store').header('x-frame-options', 'DENY');
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof z.ZodError) {
      const issues = issueLines(error, { root: 'body' });
      return reply.code(400).send({ error: `bad request: ${issues.join('; ')}` });
    }
    if (error instanceof HttpError || error instanceof PayloadDecryptionError) {
      return reply.code(error instanceof HttpError ? error.statusCode : 400).send({ error: error.message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: (error as Error).message });
    return reply.code(500).send({ error: 'internal error' });
  });

  installLogin(app, options.pool, sessions, ttlMs);
  const guard = auditorGuard(options.pool, sessions, corsOrigin);
  const checkNamespace = (request: FastifyRequest) => {
    const asked = (request.params as { namespace?: string }).namespace ?? request.headers['x-namespace'];
    // The temporal CLI (`--codec-endpoint`) sends an empty X-Namespace: that names no namespace, it is not another.
    if (options.namespace && typeof asked === 'string' && asked !== '' && asked !== options.namespace) {
      throw new HttpError(400, `this codec server serves namespace ${options.namespace}, not ${asked}`);
    }
  };

  // The protocol says to look only at the last path segment, so both /decode and /{namespace}/decode work.
  for (const [action, transform] of [
    ['encode', codec.encode.bind(codec)],
    ['decode', codec.decode.bind(codec)],
  ] as const) {
    for (const url of [`/${action}`, `/:namespace/${action}`]) {
      app.post(url, { onRequest: guard }, async (request) => {
        checkNamespace(request);
        const payloads = payloadsFromJson(payloadsBodySchema.parse(request.body));
        if (action === 'decode') await recordDecode(options.pool, options.chainKeys, request, payloads.length);
        return payloadsToJson(await transform(payloads));
      });
    }
  }
  return app;
}
