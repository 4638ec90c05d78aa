import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { Pool } from 'pg';
import { requireChainKeys } from '../../activities/audit/chain-keys';
import { buildApi } from '../../client/api/app';
import { buildCodecServer } from '../../client/codec-server/app';
import type { Config } from '../../config';
import { keyRingFromConfig } from '../../security/keyring';
import type { StackInfo } from '../../tooling/stack/index';

export interface DemoServices {
  apiUrl: string;
  /** Null when payload encryption is off: there is nothing for an auditor to decode. */
  codecUrl: string | null;
  close(): Promise<void>;
}

/**
 * The HTTP API (for the `switchboard` CLI) and the codec server (for auditors in the Web UI and the temporal CLI),
 * in this process, as `npm run api` and `npm run codec-server` would run them: the application's database login,
 * the stack's payload and audit chain keys. The codec server listens where the stack told the Web UI it would.
 */
export async function startDemoServices(info: StackInfo, config: Config, client: Client): Promise<DemoServices> {
  const pool = new Pool({ connectionString: info.appDatabaseUrl, max: 4 });
  pool.on('error', (error) => console.error(`[demo] database connection lost: ${error.message}`));
  const started: FastifyInstance[] = [];
  const close = async () => {
    for (const app of started.reverse()) await app.close();
    await pool.end();
  };
  try {
    const ring = keyRingFromConfig(config);
    const api = await buildApi({ config, client, pool, ring });
    started.push(api);
    const apiUrl = await api.listen({ host: config.API_HOST, port: config.API_PORT });
    let codecUrl: string | null = null;
    if (ring) {
      const codec = buildCodecServer({
        ring,
        pool,
        chainKeys: requireChainKeys(config),
        corsOrigin: info.temporalUiUrl ?? config.TEMPORAL_UI_URL,
        namespace: config.TEMPORAL_NAMESPACE,
      });
      started.push(codec);
      const port = info.codecEndpoint ? Number(new URL(info.codecEndpoint).port) : config.CODEC_SERVER_PORT;
      codecUrl = await codec.listen({ host: '127.0.0.1', port });
    }
    return { apiUrl, codecUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
