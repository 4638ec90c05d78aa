import { randomBytes } from 'node:crypto';
import type { Principal } from '../../security/api-keys';

export const sessionCookieName = 'sb_codec_session';

/**
 * Browser sessions for the Web UI, which can send cookies to the codec server but not our API keys. The cookie
 * holds only a random id; the principal stays in this process's memory, so a restart signs everyone out.
 */
export interface SessionStore {
  create(principal: Principal): { id: string; expiresAt: Date };
  get(id: string | undefined): Principal | null;
  delete(id: string | undefined): void;
}

export function createSessionStore(ttlMs: number, now: () => number = Date.now): SessionStore {
  const sessions = new Map<string, { principal: Principal; expiresAt: number }>();
  const prune = () => {
    for (const [id, session] of sessions) if (session.expiresAt <= now()) sessions.delete(id);
  };
  return {
    create(principal) {
      prune();
      const id = randomBytes(32).toString('base64url');
      const expiresAt = now() + ttlMs;
      sessions.set(id, { principal, expiresAt });
      return { id, expiresAt: new Date(expiresAt) };
    },
    get(id) {
      const session = id ? sessions.get(id) : undefined;
      if (!session) return null;
      if (session.expiresAt > now()) return session.principal;
      sessions.delete(id!);
      return null;
    },
    delete(id) {
      if (id) sessions.delete(id);
    },
  };
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** SameSite=None so the UI on another site may send it; that requires Secure (browsers allow it on localhost). */
export function sessionCookie(id: string, maxAgeSeconds: number): string {
  return `${sessionCookieName}=${id}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=None`;
}
