import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import type { Config } from '../config';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { dataConverterFromConfig } from '../security/data-converter';

export interface SwitchboardConnection {
  client: Client;
  close(): Promise<void>;
}

/**
 * A client whose payloads are encrypted as config says (throws ConfigError when keys are missing), connected with
 * the transport config gives (plain for a dev server, TLS, mTLS or an API key for a production cluster).
 */
export async function connectClient(
  config: Config,
  connection: ConnectionOptions = temporalConnectionOptions(config),
): Promise<SwitchboardConnection> {
  const dataConverter = dataConverterFromConfig(config);
  const temporal = await Connection.connect(connection);
  const client = new Client({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
  return { client, close: () => temporal.close() };
}
