import { Pool } from 'pg';
import { ConfigError, loadConfigOrExit, requireCodecKeys, requireDatabaseUrl } from '../../config';
import { requireChainKeys } from '../../activities/audit/chain-keys';
import { keyRingFromConfig } from '../../security/keyring';
import { buildCodecServer } from './app';

/** `npm run codec-server`: decrypts payloads for auditors in the Temporal Web UI or the temporal CLI. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  requireCodecKeys(config);
  const chainKeys = requireChainKeys(config);
  const ring = keyRingFromConfig(config);
  if (!ring) throw new ConfigError('Invalid configuration:\n  PAYLOAD_ENCRYPTION=off: there is nothing to decode');
  const pool = new Pool({ connectionString: requireDatabaseUrl(config), max: 4 });
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  const corsOrigin = config.CODEC_CORS_ORIGIN ?? new URL(config.TEMPORAL_UI_URL).origin;
  const app = buildCodecServer({
    ring,
    pool,
    chainKeys,
    corsOrigin,
    namespace: config.TEMPORAL_NAMESPACE,
  });
  const address = await app.listen({ host: config.CODEC_SERVER_HOST, port: config.CODEC_SERVER_PORT });
  console.log(`codec server on ${address} for ${corsOrigin}; auditors sign in at ${address}/login`);

  const shutdown = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
