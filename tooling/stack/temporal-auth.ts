import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Temporal's stock authorizer knows three roles per namespace (read, write, admin) and `temporal-system:admin` for the whole
 * cluster. Polling and completing tasks are write calls, so the worker, the API and on-call engineers all need write;
 * auditors get read only. A finer split (the API may start but not poll) needs a custom Authorizer built into the
 * server; the signed decisions checked inside the workflows are what separate those callers today.
 */
export const tokenRoles = {
  worker: (namespace: string) => [`${namespace}:write`],
  api: (namespace: string) => [`${namespace}:write`],
  oncall: (namespace: string) => [`${namespace}:write`],
  auditor: (namespace: string) => [`${namespace}:read`],
  /** Registers the namespace and its search attributes at set-up; no running component holds it. */
  admin: () => ['temporal-system:admin'],
} as const;
export type TokenRole = keyof typeof tokenRoles;

export interface ClusterSecrets {
  dir: string;
  caPath: string;
  serverCertPath: string;
  serverKeyPath: string;
  jwksPath: string;
  tokenPath(role: TokenRole): string;
}

const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** An RS256 JWT as Temporal's default claim mapper reads it: `kid` in the header, `permissions` in the claims. */
export function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>, ttlSeconds = 30 * 86_400) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url({ alg: 'RS256', typ: 'JWT', kid });
  const body = b64url({ iat: now, exp: now + ttlSeconds, ...claims });
  return `${header}.${body}.${b64url(sign('sha256', Buffer.from(`${header}.${body}`), key))}`;
}

export function newSigningKey(): { privateKey: KeyObject; jwks: object; kid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, kid, jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] } };
}

/** A CA and a frontend certificate for `serverName`, localhost and 127.0.0.1, made with the machine's openssl. */
function makeCertificates(dir: string, serverName: string): void {
  const at = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-days',
    '825',
    '-subj',
    '/CN=Switchboard Temporal CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(['req', ...ec, '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', `/CN=${serverName}`]);
  writeFileSync(
    at('server.ext'),
    `subjectAltName=DNS:${serverName},DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n`,
  );
  openssl([
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '825',
    '-extfile',
    at('server.ext'),
    '-out',
    at('server.pem'),
  ]);
}

/**
 * Keys made once per stack and kept beside its data (mode 0600): the TLS certificates, the JWT signing key, its
 * public JWKS, and one token per role. Never committed; a real deployment's tokens come from its identity provider.
 */
export function ensureClusterSecrets(dir: string, namespace: string, serverName = 'temporal'): ClusterSecrets {
  const secrets: ClusterSecrets = {
    dir,
    caPath: join(dir, 'ca.pem'),
    serverCertPath: join(dir, 'server.pem'),
    serverKeyPath: join(dir, 'server.key'),
    jwksPath: join(dir, 'jwks.json'),
    tokenPath: (role) => join(dir, `${role}.jwt`),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(secrets.serverCertPath)) makeCertificates(dir, serverName);
  const keyPath = join(dir, 'jwt-signing.pem');
  if (!existsSync(keyPath)) {
    const { privateKey, jwks, kid } = newSigningKey();
    writeFileSync(keyPath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    writeFileSync(secrets.jwksPath, JSON.stringify(jwks));
    writeFileSync(join(dir, 'jwt-kid'), kid);
  }
  const privateKey = createPrivateKey(readFileSync(keyPath));
  const kid = readFileSync(join(dir, 'jwt-kid'), 'utf8');
  for (const [role, permissions] of Object.entries(tokenRoles)) {
    const token = signJwt(privateKey, kid, { sub: `switchboard-${role}`, permissions: permissions(namespace) });
    writeFileSync(secrets.tokenPath(role as TokenRole), token, { mode: 0o600 });
  }
  return secrets;
}

/** The server fetches signing keys over HTTP only; this serves the stack's JWKS on loopback. */
export async function serveJwks(jwksPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify(createPublicJwks(readFileSync(jwksPath, 'utf8')));
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(request.url === '/jwks.json' ? body : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Only public members leave the process, whatever the file holds. */
function createPublicJwks(text: string): { keys: object[] } {
  const { keys } = JSON.parse(text) as { keys: Array<Record<string, string>> };
  return {
    keys: keys.map(({ kid, alg, use, ...jwk }) => ({
      ...createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'jwk' }),
      kid,
      alg,
      use,
    })),
  };
}
