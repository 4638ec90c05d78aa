import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import { ConfigError, type Config } from './index';

type TemporalConnectionConfig = Pick<
  Config,
  | 'TEMPORAL_ADDRESS'
  | 'TEMPORAL_TLS'
  | 'TEMPORAL_API_KEY'
  | 'TEMPORAL_TLS_CERT_PATH'
  | 'TEMPORAL_TLS_KEY_PATH'
  | 'TEMPORAL_TLS_CA_PATH'
  | 'TEMPORAL_TLS_SERVER_NAME'
>;

export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

function readPem(path: string, setting: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${setting}: cannot read ${path} (${(error as Error).message})`);
  }
}

/**
 * The same options for the client's Connection and the worker's NativeConnection: a local dev server needs none,
 * a self-hosted cluster usually mTLS, Temporal Cloud an API key (which implies TLS) or mTLS.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): TemporalConnectionOptions {
  const { TEMPORAL_TLS_CERT_PATH: certPath, TEMPORAL_TLS_KEY_PATH: keyPath } = config;
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new ConfigError(
      'Invalid configuration:\n  TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both for mTLS, or neither',
    );
  }
  const wantsTls =
    config.TEMPORAL_TLS === 'on' ||
    (config.TEMPORAL_TLS !== 'off' && Boolean(config.TEMPORAL_API_KEY || certPath || config.TEMPORAL_TLS_CA_PATH));
  if (config.TEMPORAL_TLS === 'off' && (config.TEMPORAL_API_KEY || certPath)) {
    throw new ConfigError('Invalid configuration:\n  TEMPORAL_TLS: an API key or client certificate needs TLS on');
  }
  const options: TemporalConnectionOptions = { address: config.TEMPORAL_ADDRESS };
  if (config.TEMPORAL_API_KEY) options.apiKey = config.TEMPORAL_API_KEY;
  if (!wantsTls) return options;
  const tls: TLSConfig = {};
  if (certPath && keyPath) {
    tls.clientCertPair = {
      crt: readPem(certPath, 'TEMPORAL_TLS_CERT_PATH'),
      key: readPem(keyPath, 'TEMPORAL_TLS_KEY_PATH'),
    };
  }
  if (config.TEMPORAL_TLS_CA_PATH)
    tls.serverRootCACertificate = readPem(config.TEMPORAL_TLS_CA_PATH, 'TEMPORAL_TLS_CA_PATH');
  if (config.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = config.TEMPORAL_TLS_SERVER_NAME;
  options.tls = Object.keys(tls).length ? tls : true;
  return options;
}
