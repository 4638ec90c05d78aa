import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectClient } from '../client';
import { loadConfigOrExit } from '../config';
import { startStack } from '../tooling/stack';
import type { BenchContext } from './context';
import type { Figure } from './targets';
import { runTicketBench, type TicketRunResult } from './tickets';

// The stack settings the bench's own stack was started from; the cluster gets its own, not these.
const stackVariables = [
  'TEMPORAL_ADDRESS',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'PAYLOAD_CODEC_KEYS',
  'AUDIT_CHAIN_KEYS',
];

/**
 * The same tickets on the production server: the cluster profile's official Temporal server on PostgreSQL with four
 * history shards, TLS and JWT authorization, reached through Temporal's standard connection settings with the
 * worker's token. Its server's CPU is read from the pid the cluster's supervisor records.
 */
export async function runClusterBench(
  ctx: BenchContext,
  loaded: { count: number; concurrency: number; env: Record<string, string> },
): Promise<TicketRunResult> {
  const saved = Object.fromEntries(stackVariables.map((name) => [name, process.env[name]]));
  for (const name of stackVariables) delete process.env[name];
  const stack = await startStack('cluster', (line) => ctx.log(`cluster: ${line}`)).finally(() => {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  });
  try {
    const cluster = stack.info.temporalCluster!;
    const stackEnv = {
      TEMPORAL_ADDRESS: stack.info.temporalAddress,
      DATABASE_URL: stack.info.databaseUrl,
      PAYLOAD_CODEC_KEYS: stack.info.codecKeys,
      AUDIT_CHAIN_KEYS: stack.info.auditChainKeys,
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: cluster.tlsCaPath,
      TEMPORAL_TLS_SERVER_NAME: cluster.tlsServerName,
      TEMPORAL_API_KEY: readFileSync(join(cluster.tokensDir, 'worker.jwt'), 'utf8').trim(),
    };
    const config = loadConfigOrExit({ ...process.env, ...stackEnv });
    const connection = await connectClient(config);
    try {
      const serverPid = () => Number(readFileSync(cluster.serverPidFile, 'utf8').trim()) || null;
      return await runTicketBench(
        { ...ctx, config, client: connection.client, stackEnv, supervisorPid: null, stackPids: serverPid },
        { label: 'cluster', ...loaded, sample: loaded.count },
      );
    } finally {
      await connection.close();
    }
  } finally {
    await stack.stop();
  }
}

/** The cluster beside the dev server, as the issue asks: throughput, end to end, and the server's CPU per ticket. */
export function clusterFigures(cluster: TicketRunResult, dev: TicketRunResult): Figure[] {
  const section = 'cluster beside the dev server';
  const note = `${cluster.count} tickets, ${cluster.concurrency} in flight; dev server in brackets`;
  const both = (name: string, unit: string, c: number | null, d: number | null, extra = {}) => ({
    section,
    name: `${name} (dev server ${d === null ? '-' : d.toFixed(unit === '/s' ? 1 : 0)})`,
    value: c,
    unit,
    ...extra,
  });
  return [
    both('tickets/s', '/s', cluster.perSecond, dev.perSecond, { note }),
    both('end-to-end p50', 'ms', cluster.endToEndMs.p50, dev.endToEndMs.p50),
    both('end-to-end p95', 'ms', cluster.endToEndMs.p95, dev.endToEndMs.p95),
    both(
      'server CPU per ticket',
      'ms',
      cluster.cpuMsPerTicket.temporalServer ?? null,
      dev.cpuMsPerTicket.temporalServer ?? null,
    ),
    ...(cluster.failures.length ? [{ section, name: 'failed tickets', value: cluster.failures.length, unit: '' }] : []),
  ];
}
