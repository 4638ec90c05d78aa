import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import type { Config } from '../config';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { dataConverterFromConfig } from '../security/data-converter';
import { processTracing, tracingClientInterceptors } from './tracing';

export interface SwitchboardConnection {
  client: Client;
  close(): Promise<void>;
}

/**
 * A client whose payloads are encrypted as config says (throws ConfigError when keys are missing), connected with
 * the transport config gives (plain for a dev server, TLS, mTLS or an API key for a production cluster), and traced
 * when OTEL_TRACES_EXPORTER names an exporter: each start, signal, query and update opens a span whose context the
 * workflow and its activities continue.
 */
export async function connectClient(
  config: Config,
  connection: ConnectionOptions = temporalConnectionOptions(config),
): Promise<SwitchboardConnection> {
  const dataConverter = dataConverterFromConfig(config);
  const tracing = processTracing(config);
  const temporal = await Connection.connect(connection);
  const client = new Client({
    connection: temporal,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter,
    interceptors: { workflow: tracingClientInterceptors(tracing) },
  });
  return {
    client,
    close: async () => {
      await temporal.close();
      // A CLI or script exits right after: what the batch processor still holds must go first.
      await tracing?.flush();
    },
  };
}
