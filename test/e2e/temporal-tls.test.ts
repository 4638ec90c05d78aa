import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { connectClient, createTicketClient, ticketPolicyFromConfig } from '../../client';
import { parseConfig } from '../../config';
import { temporalConnectionOptions } from '../../config/temporal-connection';
import { stackEnv, waitFor } from '../support/temporal';
import { makeTestPki, startMtlsProxy, type TestPki } from '../support/tls-proxy';
import { resolveTemporalCli } from '../../tooling/stack/temporal-cli';
import { e2eConfig, keyListEnv, schedulesOff, startTicket, workerDatabaseUrl } from './support';
import { freePort } from '../support/free-port';

/** A process as production starts it, with none of this process's Temporal or profile settings leaking in. */
function start(entry: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(TEMPORAL_|OTEL_)/.test(name)),
  );
  const chunks: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: join(__dirname, '..', '..'),
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { child, output: () => chunks.join('') };
}

async function stop(process: { child: ChildProcess } | undefined): Promise<void> {
  if (!process || process.child.exitCode !== null) return;
  const exited = new Promise((resolve) => process.child.once('exit', resolve));
  process.child.kill('SIGTERM');
  await exited;
}

// A production cluster is a matter of config: everything here reaches the real dev server only through mutual TLS.
describe("connecting to Temporal over mutual TLS with Temporal's standard settings alone", () => {
  let pki: TestPki;
  let proxy: Awaited<ReturnType<typeof startMtlsProxy>>;
  let tlsEnv: Record<string, string>;

  beforeAll(async () => {
    pki = makeTestPki();
    proxy = await startMtlsProxy(pki, stackEnv().temporalAddress);
    tlsEnv = {
      TEMPORAL_ADDRESS: proxy.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.caPath,
      TEMPORAL_TLS_SERVER_NAME: pki.serverName,
      TEMPORAL_TLS_CLIENT_CERT_PATH: pki.clientCertPath,
      TEMPORAL_TLS_CLIENT_KEY_PATH: pki.clientKeyPath,
      // No user's ~/.config/temporalio/temporal.toml: the settings above are all there is.
      XDG_CONFIG_HOME: pki.dir,
    };
  });
  afterAll(() => proxy.close());

  it('lets a client and a worker connection talk to the cluster', async () => {
    const options = temporalConnectionOptions(parseConfig(tlsEnv));
    const connection = await Connection.connect(options);
    try {
      const client = new Client({ connection });
      const { count } = await client.workflow.count('ExecutionStatus="Running"');
      expect(count).toBeGreaterThanOrEqual(0);
      const health = await connection.healthService.check({});
      expect(health.status).toBe(1); // SERVING
    } finally {
      await connection.close();
    }
    const native = await NativeConnection.connect(options);
    await native.close();
  });

  it('is refused without the client certificate', async () => {
    const { TEMPORAL_TLS_CLIENT_CERT_PATH: _cert, TEMPORAL_TLS_CLIENT_KEY_PATH: _key, ...serverOnly } = tlsEnv;
    const options = temporalConnectionOptions(parseConfig(serverOnly));
    expect(options.tls).toEqual(expect.objectContaining({ serverNameOverride: pki.serverName }));
    await expect(
      Connection.connect({ ...options, connectTimeout: 5_000 }).then(async (connection) => {
        try {
          await new Client({ connection }).workflow.count();
        } finally {
          await connection.close();
        }
      }),
    ).rejects.toThrow();
  });

  it('is refused when the server certificate is not from the configured CA', async () => {
    const other = makeTestPki();
    const options = temporalConnectionOptions(
      parseConfig({ ...tlsEnv, TEMPORAL_TLS_SERVER_CA_CERT_PATH: other.caPath }),
    );
    await expect(
      Connection.connect({ ...options, connectTimeout: 5_000 }).then((connection) => connection.close()),
    ).rejects.toThrow();
  });

  describe('the worker (standard variables) and the API (a temporal.toml profile) as processes', () => {
    const base = e2eConfig();
    let worker: ReturnType<typeof start> | undefined;
    let api: ReturnType<typeof start> | undefined;

    afterAll(async () => {
      await stop(worker);
      await stop(api);
    });

    it('start, serve and run a ticket end to end over mutual TLS', async () => {
      const common = {
        DATABASE_URL: workerDatabaseUrl(base),
        PAYLOAD_CODEC_KEYS: keyListEnv(base.PAYLOAD_CODEC_KEYS),
        AUDIT_CHAIN_KEYS: keyListEnv(base.AUDIT_CHAIN_KEYS),
        XDG_CONFIG_HOME: pki.dir,
      };
      worker = start('workers/main.ts', {
        ...common,
        ...tlsEnv,
        TEMPORAL_TASK_QUEUE: base.TEMPORAL_TASK_QUEUE,
        WORKFLOW_BUNDLE_PATH: base.WORKFLOW_BUNDLE_PATH!,
        ...schedulesOff,
      });
      const profileFile = join(pki.dir, 'temporal.toml');
      writeFileSync(
        profileFile,
        [
          '[profile.switchboard-e2e]',
          `address = "${proxy.address}"`,
          'namespace = "default"',
          '[profile.switchboard-e2e.tls]',
          `server_name = "${pki.serverName}"`,
          `server_ca_cert_path = "${pki.caPath}"`,
          `client_cert_path = "${pki.clientCertPath}"`,
          `client_key_path = "${pki.clientKeyPath}"`,
        ].join('\n'),
      );
      const port = await freePort();
      api = start('client/api/main.ts', {
        ...common,
        TEMPORAL_CONFIG_FILE: profileFile,
        TEMPORAL_PROFILE: 'switchboard-e2e',
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
      });
      // Ready means the API's Temporal client answered getSystemInfo, through the proxy.
      const ready = await waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/readyz`)
            .then(async (response) => (response.ok ? ((await response.json()) as { ok: boolean }) : undefined))
            .catch(() => undefined),
        `the API's /readyz (output: ${api.output().slice(0, 500)})`,
        60_000,
      );
      expect(ready).toEqual({ ok: true });

      // The ticket's client connects the same way; the worker process, reachable only over mTLS, completes it.
      const { client, close } = await connectClient(
        e2eConfig({ ...tlsEnv, TEMPORAL_TASK_QUEUE: base.TEMPORAL_TASK_QUEUE }),
      );
      try {
        const tickets = createTicketClient({
          client,
          taskQueue: base.TEMPORAL_TASK_QUEUE,
          policy: ticketPolicyFromConfig(base),
        });
        const ticketId = await startTicket(tickets, 'TLS', {
          accountId: 'ACC-1001',
          channel: 'chat',
          message: 'I was charged twice for my plan this month, please refund one of them.',
        });
        const result = await tickets.result(ticketId);
        expect(result.route).toEqual(expect.any(String));
        // The temporal CLI reads the very profile the API started from: one set of settings for both.
        const cli = await resolveTemporalCli();
        const described = await promisify(execFile)(
          cli.path,
          ['workflow', 'describe', '--workflow-id', `ticket-${ticketId}`, '--output', 'json'],
          {
            env: {
              PATH: process.env.PATH,
              HOME: pki.dir,
              TEMPORAL_CONFIG_FILE: profileFile,
              TEMPORAL_PROFILE: 'switchboard-e2e',
            },
          },
        );
        expect(JSON.parse(described.stdout).workflowExecutionInfo.status).toBe('WORKFLOW_EXECUTION_STATUS_COMPLETED');
      } finally {
        await close();
      }
      expect(worker.child.exitCode).toBeNull();
      expect(worker.output() + api.output()).not.toMatch(/DeprecationWarning|Invalid configuration/);
    }, 120_000);
  });
});
