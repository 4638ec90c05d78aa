import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';

export interface TestPki {
  dir: string;
  caPath: string;
  serverName: string;
  clientCertPath: string;
  clientKeyPath: string;
}

/** A throwaway CA, a server certificate for `serverName`, and a client certificate, made with the openssl CLI. */
export function makeTestPki(serverName = 'temporal.switchboard.test'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pki-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=Switchboard Test CA',
  );
  for (const [name, cn] of [
    ['server', serverName],
    ['client', 'switchboard-worker'],
  ] as const) {
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    writeFileSync(
      join(dir, `${name}.ext`),
      name === 'server' ? `subjectAltName=DNS:${cn}\n` : 'extendedKeyUsage=clientAuth\n',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-out',
      `${name}.pem`,
      '-extfile',
      `${name}.ext`,
    );
  }
  return {
    dir,
    caPath: join(dir, 'ca.pem'),
    serverName,
    clientCertPath: join(dir, 'client.pem'),
    clientKeyPath: join(dir, 'client.key'),
  };
}

/**
 * Terminates mutual TLS (ALPN h2, client certificate required) and forwards the bytes to a plaintext Temporal
 * frontend, the way a load balancer in front of a self-hosted cluster does.
 */
export async function startMtlsProxy(
  pki: TestPki,
  upstream: string,
): Promise<{ address: string; close(): Promise<void> }> {
  const [host, port] = upstream.split(':');
  const server: Server = createServer(
    {
      key: readFileSync(join(pki.dir, 'server.key')),
      cert: readFileSync(join(pki.dir, 'server.pem')),
      ca: readFileSync(pki.caPath),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const target = connect(Number(port), host);
      socket.pipe(target).pipe(socket);
      socket.on('error', () => target.destroy());
      target.on('error', () => socket.destroy());
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${proxyPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
