import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ConfigError, loadConfigOrExit, type Config } from '../config';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { connectClient } from '../client/connection';
import {
  ensureAcmaSchedule,
  ensureAuditAnchorSchedule,
  ensureFairnessSchedule,
  ensureFraudSchedule,
  fraudSweepSettings,
} from './schedules';
import { createAuditAnchorActivities } from '../activities/audit/anchor';
import { createFairnessActivities } from '../activities/evaluation';
import type { ModelProvider } from '../activities/model/contract';
import { createProvider } from './model-deps';
import { wireActivities } from './activity-wiring';
import { createEvalEngine } from './evaluation-engine';
import { dataConverterFromConfig } from '../security/data-converter';
import { workflowBundleOptions } from './workflow-bundle';
import { createProcessLogger } from './logging';
import { createWorkerMetrics, meteredGateway, watchApprovals } from './metrics';
import { installWorkerRuntime } from './telemetry';
import { processTracing } from '../client/tracing';
import { workerTracingOptions } from './tracing';

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
  // The process's Runtime: pino and Prometheus when run as main (below), the tests' quiet one in a test process.
  const { logger: log, metricMeter } = Runtime.instance();
  const metrics = createWorkerMetrics(metricMeter);
  // Before the schedules' client below, so the process's tracing is named for the worker.
  const tracing = processTracing(config, 'switchboard-worker');
  const traced = workerTracingOptions(tracing);
  const { pool, taxonomy, prompts, activities } = wireActivities(config, {
    provider: (taxonomy) => options.provider ?? createProvider(config, taxonomy),
    wrapGateway: (gateway) => meteredGateway(gateway, metrics),
    metrics: metrics.activity,
  });
  // An idle connection dropped by the server (restart, failover) is replaced on next use; it must not crash the worker.
  pool.on('error', (error) => log.error('database connection lost', { error, source: 'postgres' }));
  const workerActivities = {
    ...activities,
    ...createFairnessActivities({
      config,
      pool,
      taxonomy,
      prompts,
      engineFor: (train) => createEvalEngine(config, taxonomy, train),
    }),
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
      if (config.FRAUD_SCHEDULE === 'on')
        await ensureFraudSchedule(client, config.TEMPORAL_TASK_QUEUE, fraudSweepSettings(config));
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
    interceptors: {
      ...traced.interceptors,
      // A prebuilt bundle has them already; the SDK warns when given both.
      ...(options.workflowBundlePath ? {} : { workflowModules: workflowBundleOptions.workflowInterceptorModules }),
    },
    sinks: traced.sinks,
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
  // Only where there is an endpoint to read it: in-process test workers would poll PostgreSQL for nothing.
  const stopWatching = config.WORKER_METRICS_ADDRESS ? watchApprovals(pool, metrics, log) : () => {};
  const done = worker.run().finally(async () => {
    stopWatching();
    await connection.close();
    await pool.end();
    await tracing?.flush();
  });
  return { worker, done };
}

if (require.main === module) {
  const config = loadConfigOrExit();
  const log = createProcessLogger(config.LOG_LEVEL);
  installWorkerRuntime(config, log);
  startWorker(config, { workflowBundlePath: config.WORKFLOW_BUNDLE_PATH })
    .then(({ done }) => {
      log.info(
        {
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          temporalAddress: config.TEMPORAL_ADDRESS,
          temporalNamespace: config.TEMPORAL_NAMESPACE,
          temporalProfile: config.TEMPORAL_PROFILE ?? null,
          tracesExporters: config.OTEL_TRACES_EXPORTER,
          modelProvider: config.MODEL_PROVIDER,
          metricsAddress: config.WORKER_METRICS_ADDRESS ?? null,
        },
        'worker polling',
      );
      return done;
    })
    .then(() => log.info('worker stopped'))
    .catch((error: unknown) => {
      // Start-up and Runtime failures (configuration, connection, bundle), never a task's: no customer text in them.
      const { name, message } = error instanceof Error ? error : { name: typeof error, message: String(error) };
      log.fatal({ err: { name, message } }, 'worker failed');
      log.flush();
      process.exit(error instanceof ConfigError ? 78 : 1); // EX_CONFIG, as loadConfigOrExit
    });
}
