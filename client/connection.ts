import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config';

export interface SwitchboardConnection {
  client: Client;
  close(): Promise<void>;
}

export async function connectClient(
  config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
): Promise<SwitchboardConnection> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return { client, close: () => connection.close() };
}
