import type { Client } from '@temporalio/client';
import type { FastifyServerOptions } from 'fastify';
import type { Pool } from 'pg';
import type { Config } from '../../config';
import type { SigningKey } from '../../activities/decisions/signing';
import type { KeyRing } from '../../security/keyring';
import { createFaultClient, faultPolicyFromConfig, type FaultClient } from '../faults';
import { createFraudClient, type FraudClient } from '../fraud';
import { createTicketClient, ticketPolicyFromConfig, type TicketClient } from '../tickets';
import { createMetrics, type ApiMetrics } from './metrics';

export interface ApiDeps {
  config: Config;
  client: Client;
  pool: Pool;
  /** Opens the audit trail's sealed samples; null when payload encryption is off. */
  ring: KeyRing | null;
  /** Signs decisions made through the API for the identity its API key authenticated; null: API decisions refused. */
  issuer?: SigningKey | null;
  now?: () => Date;
  /** Fastify's logger; off unless the entry point asks for it. */
  logger?: FastifyServerOptions['logger'];
}

/** What route handlers share: the typed Temporal clients (never re-implemented here), the pool, the metrics. */
export interface ApiContext {
  config: Config;
  client: Client;
  pool: Pool;
  ring: KeyRing | null;
  issuer: SigningKey | null;
  now: () => Date;
  tickets: TicketClient;
  faults: FaultClient;
  fraud: FraudClient;
  metrics: ApiMetrics;
}

export function createContext(deps: ApiDeps): ApiContext {
  const { config, client } = deps;
  const taskQueue = config.TEMPORAL_TASK_QUEUE;
  return {
    config,
    client,
    pool: deps.pool,
    ring: deps.ring,
    issuer: deps.issuer ?? null,
    now: deps.now ?? (() => new Date()),
    tickets: createTicketClient({ client, taskQueue, policy: ticketPolicyFromConfig(config) }),
    faults: createFaultClient({ client, taskQueue, policy: faultPolicyFromConfig(config) }),
    fraud: createFraudClient({ client, taskQueue }),
    metrics: createMetrics({ pool: deps.pool, client }),
  };
}
