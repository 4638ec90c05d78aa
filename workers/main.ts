import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { ConfigError, loadConfigOrExit, requireDatabaseUrl, type Config } from '../config';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { createActivities } from '../activities';
import { connectClient } from '../client/connection';
import { ensureAcmaSchedule, ensureAuditAnchorSchedule, ensureFraudSchedule } from './schedules';
import { createAuditAnchorActivities } from '../activities/audit/anchor';
import { bindChainKeys, requireChainKeys } from '../activities/audit/chain-keys';
import { createFairnessActivities, ensureFairnessSchedule } from '../eval/fairness-schedule';
import type { ModelProvider } from '../activities/model/contract';
import { createModelGateway } from '../activities/model/gateway';
import { createPostgresRetriever } from '../activities/retrieval/postgres-fts';
import { createProvider, loadPromptSet, modelIdsFor, pricesFor } from './model-deps';
import { keyRingFromConfig } from '../security/keyring';
import { dataConverterFromConfig } from '../security/data-converter';
import { workflowBundleOptions } from './workflow-bundle';

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has drained and every connection is closed. */
  done: Promise<void>;
}

/** Builds real clients from config and starts polling. The only place outside tests that constructs dependencies. */
export interface StartWorkerOptions {
  workflowBundlePath?: string;
  /** Tests substitute a scripted model here; production always builds the provider from config. */
  provider?: ModelProvider;
}

export async function startWorker(config: Config, options: StartWorkerOptions = {}): Promise<RunningWorker> {
  // First, so a worker without payload keys stops before it connects to anything.
  const dataConverter = dataConverterFromConfig(config);
  const chainKeys = requireChainKeys(config);
  // Every audit row the activities append through this pool is signed with the chain key.
  const pool = bindChainKeys(
    new Pool({ connectionString: requireDatabaseUrl(config), max: config.DATABASE_POOL_MAX }),
    chainKeys,
  );
  // An idle connection dropped by the server (restart, failover) is replaced on next use; it must not crash the worker.
  pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
  const { taxonomy, prompts } = loadPromptSet();
  const provider = options.provider ?? createProvider(config, taxonomy);
  const gateway = createModelGateway({ provider, modelIds: modelIdsFor(config), prices: pricesFor(config) });
  const activities = createActivities({
    pool,
    gateway,
    retriever: createPostgresRetriever(pool),
    taxonomy,
    prompts,
    reportsDir: config.REPORTS_DIR,
    audit: { ring: keyRingFromConfig(config), sampleRate: config.AUDIT_SAMPLE_RATE },
  });
  const workerActivities = {
    ...activities,
    ...createFairnessActivities({ config, pool }),
    ...createAuditAnchorActivities({ pool, chainId: config.AUDIT_CHAIN_ID }),
  };

  const schedules = [
    config.ACMA_SCHEDULE,
    config.FRAUD_SCHEDULE,
    config.FAIRNESS_SCHEDULE,
    config.AUDIT_ANCHOR_SCHEDULE,
  ];
  if (schedules.includes('on')) {
    const { client, close } = await connectClient(config);
    try {
      if (config.ACMA_SCHEDULE === 'on') await ensureAcmaSchedule(client, config.TEMPORAL_TASK_QUEUE);
      if (config.FRAUD_SCHEDULE === 'on') await ensureFraudSchedule(client, config.TEMPORAL_TASK_QUEUE);
      if (config.FAIRNESS_SCHEDULE === 'on') await ensureFairnessSchedule(client, config.TEMPORAL_TASK_QUEUE);
      if (config.AUDIT_ANCHOR_SCHEDULE === 'on') {
        await ensureAuditAnchorSchedule(
          client,
          config.TEMPORAL_TASK_QUEUE,
          config.AUDIT_CHAIN_ID,
          config.AUDIT_ANCHOR_INTERVAL,
        );
      }
    } finally {
      await close();
    }
  }
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : {
          workflowsPath: workflowBundleOptions.workflowsPath,
          bundlerOptions: { preloadModules: workflowBundleOptions.preloadModules },
        }),
    activities: workerActivities,
    dataConverter,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    ...(config.WORKER_MAX_CACHED_WORKFLOWS === undefined
      ? {}
      : { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS }),
    ...(config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS === undefined
      ? {}
      : { maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS }),
    // In-flight model calls get this long to finish on SIGTERM before they are cancelled.
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE,
  });
  const done = worker.run().finally(async () => {
    await connection.close();
    await pool.end();
  });
  return { worker, done };
}

if (require.main === module) {
  const config = loadConfigOrExit();
  startWorker(config, { workflowBundlePath: config.WORKFLOW_BUNDLE_PATH })
    .then(({ done }) => {
      console.log(
        `worker polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS} (model: ${config.MODEL_PROVIDER})`,
      );
      return done;
    })
    .then(() => console.log('worker stopped'))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(error instanceof ConfigError ? 78 : 1); // EX_CONFIG, as loadConfigOrExit
    });
}
