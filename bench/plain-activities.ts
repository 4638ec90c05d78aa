import { Pool } from 'pg';
import { createActivities } from '../activities';
import { bindChainKeys, requireChainKeys } from '../activities/audit/chain-keys';
import { createModelGateway } from '../activities/model/gateway';
import { createPostgresRetriever } from '../activities/retrieval/postgres-fts';
import { requireDatabaseUrl, type Config } from '../config';
import { keyRingFromConfig } from '../security/keyring';
import { createOfflineProvider, loadPromptSet, modelIdsFor, pricesFor } from '../workers/model-deps';

/**
 * The activities exactly as the worker builds them (workers/main.ts), with the offline engine at no added latency as
 * the bench's workers run it, but without the worker runtime: no Temporal connection, no Prometheus meters. The
 * same pool size, chain keys and audit sampling, so PostgreSQL does the same work per ticket.
 */
export function createPlainActivities(config: Config) {
  const pool = bindChainKeys(
    new Pool({ connectionString: requireDatabaseUrl(config), max: config.DATABASE_POOL_MAX }),
    requireChainKeys(config),
  );
  const { taxonomy, prompts } = loadPromptSet();
  const gateway = createModelGateway({
    provider: createOfflineProvider(taxonomy, 0),
    modelIds: modelIdsFor(config),
    prices: pricesFor(config),
  });
  const activities = createActivities({
    pool,
    gateway,
    retriever: createPostgresRetriever(pool),
    taxonomy,
    prompts,
    reportsDir: config.REPORTS_DIR,
    audit: { ring: keyRingFromConfig(config), sampleRate: config.AUDIT_SAMPLE_RATE },
  });
  return { activities, close: () => pool.end() };
}

export type PlainActivities = ReturnType<typeof createPlainActivities>['activities'];
