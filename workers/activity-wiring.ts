import { Pool } from 'pg';
import { createActivities, type ActivityDeps } from '../activities';
import { bindChainKeys, requireChainKeys } from '../activities/audit/chain-keys';
import type { ModelGateway, ModelProvider } from '../activities/model/contract';
import { createModelGateway } from '../activities/model/gateway';
import { createPostgresRetriever } from '../activities/retrieval/postgres-fts';
import { requireDatabaseUrl, type Config } from '../config';
import { keyRingFromConfig } from '../security/keyring';
import { loadPromptSet, modelIdsFor, pricesFor } from './model-deps';

export interface ActivityWiringOptions {
  /** Built from the prompt set's taxonomy, which the offline engine classifies into. */
  provider: (taxonomy: ReturnType<typeof loadPromptSet>['taxonomy']) => ModelProvider;
  /** The worker meters every model call; the bench's in-process pipeline does not. */
  wrapGateway?: (gateway: ModelGateway) => ModelGateway;
  metrics?: ActivityDeps['metrics'];
}

/**
 * The business activities as the worker runs them: one pool signed with the audit chain key, the model gateway with
 * its ids and prices, PostgreSQL retrieval, the prompts, and audit sampling. The bench builds the same set through
 * here, so its plain pipeline does the same PostgreSQL work per ticket as the worker.
 */
export function wireActivities(config: Config, options: ActivityWiringOptions) {
  // Every audit row the activities append through this pool is signed with the chain key.
  const pool = bindChainKeys(
    new Pool({ connectionString: requireDatabaseUrl(config), max: config.DATABASE_POOL_MAX }),
    requireChainKeys(config),
  );
  // A connection can report a server shutdown twice (the FATAL message, then the socket): the pool listens for the
  // first only, and a second 'error' with no listener would take the whole worker down. The statement or checkout
  // that hit it still fails, and Temporal retries the activity.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const { taxonomy, prompts } = loadPromptSet();
  const gateway = createModelGateway({
    provider: options.provider(taxonomy),
    modelIds: modelIdsFor(config),
    prices: pricesFor(config),
  });
  const activities = createActivities({
    pool,
    gateway: options.wrapGateway ? options.wrapGateway(gateway) : gateway,
    retriever: createPostgresRetriever(pool),
    taxonomy,
    prompts,
    reportsDir: config.REPORTS_DIR,
    audit: { ring: keyRingFromConfig(config), sampleRate: config.AUDIT_SAMPLE_RATE },
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return { pool, taxonomy, prompts, activities };
}
