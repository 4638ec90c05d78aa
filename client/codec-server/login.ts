import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { authenticateApiKey } from '../../security/api-keys';
import { HttpError } from './auth';
import { cookieValue, sessionCookie, sessionCookieName, type SessionStore } from './sessions';

const loginBodySchema = z.object({ key: z.string().trim().min(1, 'key: the auditor API key') });

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Switchboard codec server</title></head><body>${body}</body></html>`;

const loginForm = page(`<h1>Auditor sign-in</h1>
<p>Signs this browser in so the Temporal Web UI can show decrypted payloads. Every decode is made as you.</p>
<form method="post" action="login"><label>Auditor API key <input name="key" type="password" autocomplete="off" required></label>
<button type="submit">Sign in</button></form>`);

/** GET /login: a form for the key; POST /login: a session cookie; POST /logout: ends it. */
export function installLogin(app: FastifyInstance, pool: Pool, sessions: SessionStore, ttlMs: number): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get('/login', async (_request, reply) => reply.type('text/html').send(loginForm));

  app.post('/login', async (request, reply) => {
    const { key } = loginBodySchema.parse(request.body);
    const principal = await authenticateApiKey(pool, key);
    if (!principal) throw new HttpError(401, 'unknown or revoked API key');
    if (principal.role !== 'auditor') throw new HttpError(403, `role ${principal.role} may not read payloads`);
    const session = sessions.create(principal);
    reply.header('set-cookie', sessionCookie(session.id, Math.floor(ttlMs / 1000)));
    if (request.headers['content-type']?.startsWith('application/json')) {
      return { identity: principal.identity, expiresAt: session.expiresAt.toISOString() };
    }
    return reply
      .type('text/html')
      .send(page(`<p>Signed in as ${principal.identity} until ${session.expiresAt.toISOString()}.</p>`));
  });

  app.post('/logout', async (request, reply) => {
    sessions.delete(cookieValue(request.headers.cookie, sessionCookieName));
    reply.header('set-cookie', sessionCookie('', 0));
    return { signedOut: true };
  });
}
