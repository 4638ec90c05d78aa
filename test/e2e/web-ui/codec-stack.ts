import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { Pool } from 'pg';
import { chainKeysFromConfig } from '../../../activities/audit/chain-keys';
import { buildCodecServer } from '../../../client/codec-server/app';
import type { Config } from '../../../config';
import { resolveTemporalCli } from '../../../tooling/stack/temporal-cli';
import { startDevServer, type RunningDevServer } from '../../../tooling/stack/temporal-server';
import { keyRingFromConfig } from '../../../security/keyring';
import { freePort } from '../../support/free-port';

export interface CodecStack {
  temporalAddress: string;
  uiUrl: string;
  codecUrl: string;
  /** The official Temporal CLI that runs the server: what an auditor reads history with from a terminal. */
  temporalCli: string;
  close(): Promise<void>;
}

/**
 * The auditor's setting as the demo runs it: a dev server whose Web UI is given `--ui-codec-endpoint`, and the codec
 * server it names, which allows calls from that UI's origin only. The stack's own server cannot be used: the flag
 * is fixed when a dev server starts. `config` supplies the payload and audit chain keys and the database.
 */
export async function startCodecStack(config: Config, databaseUrl: string): Promise<CodecStack> {
  const uiPort = await freePort();
  const uiUrl = `http://127.0.0.1:${uiPort}`;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => {});
  let codec: FastifyInstance | null = null;
  let temporal: RunningDevServer | null = null;
  const close = async () => {
    await temporal?.stop();
    await codec?.close();
    await pool.end();
  };
  try {
    codec = buildCodecServer({
      ring: keyRingFromConfig(config)!,
      pool,
      chainKeys: chainKeysFromConfig(config)!,
      corsOrigin: uiUrl,
      namespace: config.TEMPORAL_NAMESPACE,
    });
    const codecUrl = await codec.listen({ host: '127.0.0.1', port: 0 });
    const cli = await resolveTemporalCli();
    temporal = await startDevServer({
      cliPath: cli.path,
      ip: '127.0.0.1',
      port: await freePort(),
      uiPort,
      dbFile: null,
      logFile: join(__dirname, '..', '..', '..', '.data', 'web-ui-codec', 'temporal.log'),
      namespace: config.TEMPORAL_NAMESPACE,
      uiCodecEndpoint: codecUrl,
    });
    return { temporalAddress: temporal.address, uiUrl, codecUrl, temporalCli: cli.path, close };
  } catch (error) {
    await close();
    throw error;
  }
}
