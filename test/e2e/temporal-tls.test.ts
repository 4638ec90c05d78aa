import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { parseConfig } from '../../config';
import { temporalConnectionOptions } from '../../config/temporal-connection';
import { stackEnv } from '../support/temporal';
import { makeTestPki, startMtlsProxy, type TestPki } from '../support/tls-proxy';

// A production cluster is a matter of config: these tests reach the real dev server only through mutual TLS.
describe('connecting to Temporal over mutual TLS from config alone', () => {
  let pki: TestPki;
  let proxy: Awaited<ReturnType<typeof startMtlsProxy>>;

  beforeAll(async () => {
    pki = makeTestPki();
    proxy = await startMtlsProxy(pki, stackEnv().temporalAddress);
  });
  afterAll(() => proxy.close());

  const tlsConfig = (extra: Record<string, string> = {}) =>
    parseConfig({
      TEMPORAL_ADDRESS: proxy.address,
      TEMPORAL_TLS_CA_PATH: pki.caPath,
      TEMPORAL_TLS_SERVER_NAME: pki.serverName,
      TEMPORAL_TLS_CERT_PATH: pki.clientCertPath,
      TEMPORAL_TLS_KEY_PATH: pki.clientKeyPath,
      ...extra,
    });

  it('lets a client and a worker connection talk to the cluster', async () => {
    const options = temporalConnectionOptions(tlsConfig());
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
    const { TEMPORAL_TLS_CERT_PATH: _cert, TEMPORAL_TLS_KEY_PATH: _key, ...rest } = tlsConfig();
    const options = temporalConnectionOptions({
      ...rest,
      TEMPORAL_TLS_CERT_PATH: undefined,
      TEMPORAL_TLS_KEY_PATH: undefined,
    });
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
    const options = temporalConnectionOptions(tlsConfig({ TEMPORAL_TLS_CA_PATH: other.caPath }));
    await expect(
      Connection.connect({ ...options, connectTimeout: 5_000 }).then((connection) => connection.close()),
    ).rejects.toThrow();
  });
});
