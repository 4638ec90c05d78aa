import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporalAnswers } from './processes';
import type { ClusterSecrets } from './temporal-auth';
import type { ClusterInfo } from './temporal-cluster';

const root = join(__dirname, '..', '..');

/** What the cluster profile's server needs in its port range; compose sets its own ports and hosts. */
export interface ClusterLayout {
  /** Frontend gRPC port; the other services take the next ports, membership ports start 1,000 lower. */
  port: number;
  postgresPort: number;
  shards: number;
}

/** internal-frontend is not among the server's defaults; without it its own workers would need a token. */
export const clusterServices = ['frontend', 'internal-frontend', 'history', 'matching', 'worker'];

/** The environment the template in deploy/temporal/config reads, as compose sets it for its temporal service. */
export function clusterServerEnv(
  options: ClusterLayout,
  secrets: Pick<ClusterSecrets, 'caPath' | 'serverCertPath' | 'serverKeyPath'>,
  jwksUrl: string,
  postgres: { user: string; password: string },
): Record<string, string> {
  const port = (offset: number) => String(options.port + offset);
  return {
    NUM_HISTORY_SHARDS: String(options.shards),
    POSTGRES_SEEDS: '127.0.0.1',
    DB_PORT: String(options.postgresPort),
    POSTGRES_USER: postgres.user,
    POSTGRES_PWD: postgres.password,
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_TLS_SERVER_CERT: secrets.serverCertPath,
    TEMPORAL_TLS_SERVER_KEY: secrets.serverKeyPath,
    TEMPORAL_TLS_CA: secrets.caPath,
    TEMPORAL_TLS_SERVER_NAME: 'temporal',
    TEMPORAL_JWKS_URL: jwksUrl,
    DYNAMIC_CONFIG_FILE_PATH: join(root, 'deploy', 'temporal', 'dynamicconfig', 'development-sql.yaml'),
    FRONTEND_GRPC_PORT: port(0),
    FRONTEND_HTTP_PORT: port(10),
    HISTORY_GRPC_PORT: port(1),
    MATCHING_GRPC_PORT: port(2),
    INTERNAL_FRONTEND_GRPC_PORT: port(3),
    INTERNAL_FRONTEND_HTTP_PORT: port(13),
    WORKER_GRPC_PORT: port(6),
    FRONTEND_MEMBERSHIP_PORT: port(-1000),
    HISTORY_MEMBERSHIP_PORT: port(-999),
    MATCHING_MEMBERSHIP_PORT: port(-998),
    INTERNAL_FRONTEND_MEMBERSHIP_PORT: port(-997),
    WORKER_MEMBERSHIP_PORT: port(-994),
  };
}

function answers(address: string, caPath: string): Promise<boolean> {
  return temporalAnswers(address, { serverRootCACertificate: readFileSync(caPath), serverNameOverride: 'temporal' });
}

export async function waitForCluster(address: string, caPath: string, healthy = () => true): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await answers(address, caPath))) {
    if (Date.now() > deadline || !healthy()) throw new Error(`the Temporal cluster did not answer on ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** For `stack env --profile cluster`: Temporal's standard variables, with the worker's token (write in default). */
export function clusterEnvLines(info: { temporalCluster?: ClusterInfo }): string[] {
  const cluster = info.temporalCluster;
  if (!cluster) return [];
  return [
    `export TEMPORAL_TLS_SERVER_CA_CERT_PATH=${cluster.tlsCaPath}`,
    `export TEMPORAL_TLS_SERVER_NAME=${cluster.tlsServerName}`,
    `export TEMPORAL_API_KEY=$(cat ${join(cluster.tokensDir, 'worker.jwt')})`,
  ];
}
