import { Pool } from 'pg';
import { loadConfigOrExit, requireCodecKeys, requireDatabaseUrl } from '../../config';
import { keyRingFromConfig } from '../../security/keyring';
import { loadIssuerKey } from './issuer';
import { connectClient } from '../connection';
import { buildApi } from './app';

/** `npm run api`: the HTTP API on API_HOST:API_PORT until SIGINT/SIGTERM, then in-flight requests finish. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const databaseUrl = requireDatabaseUrl(config);
  requireCodecKeys(config);
  const connection = await connectClient(config);
  const pool = new Pool({ connectionString: databaseUrl, max: config.DATABASE_POOL_MAX });
  pool.on('error', (error) => console.error(`postgres: ${error.message}`));
  const app = await buildApi({
    config,
    client: connection.client,
    pool,
    ring: keyRingFromConfig(config),
    issuer: loadIssuerKey(config),
    logger: { level: config.LOG_LEVEL },
  });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await connection.close();
    await pool.end();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
