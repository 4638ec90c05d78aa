import { Runtime, makeTelemetryFilterString, type RuntimeOptions } from '@temporalio/worker';
import type { Logger as Pino } from 'pino';
import type { Config } from '../config';
import { temporalLogger } from './logging';

/**
 * The worker process's Runtime: the SDK's logs (and the workflow and activity loggers) through pino, Core's own
 * logs forwarded to the same logger, and, when WORKER_METRICS_ADDRESS is set, Core's Prometheus exporter serving
 * the SDK's metrics and Switchboard's at http://<address>/metrics.
 */
export function workerRuntimeOptions(config: Config, log: Pino): RuntimeOptions {
  return {
    logger: temporalLogger(log),
    telemetryOptions: {
      logging: {
        // Core at DEBUG logs every poll; INFO is the most an operator's LOG_LEVEL=debug should ask for.
        filter: makeTelemetryFilterString({ core: config.LOG_LEVEL === 'debug' ? 'INFO' : 'WARN', other: 'ERROR' }),
        forward: {},
      },
      ...(config.WORKER_METRICS_ADDRESS
        ? { metrics: { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS } } }
        : {}),
    },
  };
}

/** Once per process, before any connection: Runtime.install throws if a Runtime already exists. */
export function installWorkerRuntime(config: Config, log: Pino): Runtime {
  return Runtime.install(workerRuntimeOptions(config, log));
}
