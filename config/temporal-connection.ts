import { loadClientConfig, loadClientConfigProfile, loadConfigData } from '@temporalio/envconfig';
import type { ClientConfigProfile, ConfigDataSource } from '@temporalio/envconfig';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import { readFileSync } from 'node:fs';

/** How to reach the cluster beyond its address: TLS, Temporal Cloud's API key, extra gRPC metadata. */
export interface TemporalTransport {
  tls?: TLSConfig | true;
  apiKey?: string;
  metadata?: Record<string, string>;
}

/** The connection settings after the profile file and the environment are merged: what Config carries. */
export interface TemporalSettings {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  /** The profile read from temporal.toml, when one was named. */
  TEMPORAL_PROFILE?: string;
  temporalTransport: TemporalTransport;
}

export interface TemporalConnectionOptions extends TemporalTransport {
  address: string;
}

export type Issue = { path: string; message: string };

const fileSetting = 'TEMPORAL_CONFIG_FILE';
// Not a URL: the SDK wants host:port, and "https://..." is the commonest mistake.
const addressPattern = /^(\[[0-9A-Fa-f:.]+\]|[^\s/:]+):\d{1,5}$/;

/** The profiles of temporal.toml (TEMPORAL_CONFIG_FILE or the default path), strictly checked for unknown keys. */
function loadProfiles(env: Record<string, string>, issues: Issue[]): Record<string, ClientConfigProfile> | undefined {
  const explicit = env[fileSetting];
  if (explicit !== undefined) {
    // envconfig treats a missing file as no file, which would quietly connect to localhost instead of the cluster.
    try {
      readFileSync(explicit);
    } catch (error) {
      issues.push({ path: fileSetting, message: `cannot read ${explicit} (${(error as Error).message})` });
      return undefined;
    }
  }
  try {
    return loadClientConfig({ overrideEnvVars: env, configFileStrict: true }).profiles;
  } catch (error) {
    // The strict check admits only a `profile` table at the top, so this TypeError means the file has none at all.
    if (error instanceof TypeError) return {};
    const where = explicit ?? 'temporal.toml';
    const hint = /disable_host_verification/.test(String(error))
      ? ' (the TypeScript SDK cannot turn host verification off; set server_name instead)'
      : '';
    issues.push({ path: fileSetting, message: `${where}: ${(error as Error).message}${hint}` });
    return undefined;
  }
}

function readSource(source: ConfigDataSource | undefined, setting: string, issues: Issue[]): Uint8Array | undefined {
  try {
    return loadConfigData(source);
  } catch (error) {
    const path = source && 'path' in source ? source.path : '';
    issues.push({ path: setting, message: `cannot read ${path} (${(error as Error).message})` });
    return undefined;
  }
}

function transportFrom(profile: ClientConfigProfile, issues: Issue[]): TemporalTransport {
  const tlsSettings = profile.tls;
  const transport: TemporalTransport = {};
  if (profile.apiKey !== undefined) transport.apiKey = profile.apiKey;
  if (profile.grpcMeta && Object.keys(profile.grpcMeta).length) transport.metadata = profile.grpcMeta;
  const hasClientCert = Boolean(tlsSettings?.clientCert);
  if (hasClientCert !== Boolean(tlsSettings?.clientKey)) {
    issues.push({
      path: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
      message: 'set both the client certificate and its key (…_CLIENT_CERT_PATH and …_CLIENT_KEY_PATH), or neither',
    });
  }
  if (tlsSettings?.disabled) {
    if (profile.apiKey !== undefined || hasClientCert) {
      issues.push({
        path: 'TEMPORAL_TLS',
        message: 'an API key or client certificate needs TLS: remove TEMPORAL_TLS=false',
      });
    }
    return transport;
  }
  // As envconfig: any TLS setting turns TLS on, and so does an API key.
  if (!tlsSettings) return profile.apiKey === undefined ? transport : { ...transport, tls: true };
  const tls: TLSConfig = {};
  if (tlsSettings.serverName) tls.serverNameOverride = tlsSettings.serverName;
  const ca = readSource(tlsSettings.serverCACert, 'TEMPORAL_TLS_SERVER_CA_CERT_PATH', issues);
  if (ca) tls.serverRootCACertificate = ca;
  if (hasClientCert && tlsSettings.clientKey) {
    const crt = readSource(tlsSettings.clientCert, 'TEMPORAL_TLS_CLIENT_CERT_PATH', issues);
    const key = readSource(tlsSettings.clientKey, 'TEMPORAL_TLS_CLIENT_KEY_PATH', issues);
    if (crt && key) tls.clientCertPair = { crt, key };
  }
  return { ...transport, tls: Object.keys(tls).length ? tls : true };
}

/**
 * Resolves the connection as the `temporal` CLI would: the profile (TEMPORAL_PROFILE, else "default") from
 * temporal.toml, overridden by the standard TEMPORAL_* variables, then Switchboard's defaults (a local dev server).
 * Certificate files are read here, once, so a bad path stops the process at start-up. Problems go to `issues`.
 */
export function resolveTemporalSettings(env: Record<string, string>, issues: Issue[]): TemporalSettings | undefined {
  const before = issues.length;
  const profiles = loadProfiles(env, issues);
  if (!profiles) return undefined;
  const name = env.TEMPORAL_PROFILE;
  if (name !== undefined && !profiles[name]) {
    const known = Object.keys(profiles).join(', ') || 'none';
    issues.push({ path: 'TEMPORAL_PROFILE', message: `no profile "${name}" in temporal.toml (profiles: ${known})` });
    return undefined;
  }
  const profile = loadClientConfigProfile({
    overrideEnvVars: env,
    configFileStrict: true,
    // No profile table at all: envconfig would fail on the file, and there is nothing in it to read.
    disableFile: Object.keys(profiles).length === 0,
  });
  const address = profile.address ?? 'localhost:7233';
  if (!addressPattern.test(address)) {
    issues.push({
      path: 'TEMPORAL_ADDRESS',
      message: `"${address}" is not host:port (e.g. localhost:7233, no scheme)`,
    });
  }
  const temporalTransport = transportFrom(profile, issues);
  if (issues.length > before) return undefined;
  return {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: profile.namespace || 'default',
    ...(name === undefined ? {} : { TEMPORAL_PROFILE: name }),
    temporalTransport,
  };
}

/** The same options for the client's Connection and the worker's NativeConnection. */
export function temporalConnectionOptions(
  config: Pick<TemporalSettings, 'TEMPORAL_ADDRESS' | 'temporalTransport'>,
): TemporalConnectionOptions {
  return { address: config.TEMPORAL_ADDRESS, ...config.temporalTransport };
}
