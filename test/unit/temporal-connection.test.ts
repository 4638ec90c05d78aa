import { parseConfig } from '../../config';
import { temporalConnectionOptions } from '../../config/temporal-connection';

const options = (env: Record<string, string>) => temporalConnectionOptions(parseConfig(env));

describe('temporalConnectionOptions', () => {
  it('connects in plaintext to a local dev server', () => {
    expect(options({ TEMPORAL_ADDRESS: 'localhost:7233' })).toEqual({ address: 'localhost:7233' });
  });

  it('turns TLS on for a Temporal Cloud API key', () => {
    expect(options({ TEMPORAL_ADDRESS: 'eu.tmprl.cloud:7233', TEMPORAL_API_KEY: 'secret-key' })).toEqual({
      address: 'eu.tmprl.cloud:7233',
      apiKey: 'secret-key',
      tls: true,
    });
  });

  it('refuses an API key with TLS switched off, without printing the key', () => {
    expect(() => options({ TEMPORAL_API_KEY: 'secret-key', TEMPORAL_TLS: 'off' })).toThrow(/needs TLS on/);
    expect(() => options({ TEMPORAL_API_KEY: 'secret-key', TEMPORAL_TLS: 'off' })).not.toThrow(/secret-key/);
  });

  it('needs both halves of a client certificate', () => {
    expect(() => options({ TEMPORAL_TLS_CERT_PATH: '/etc/ssl/client.pem' })).toThrow(/set both/);
  });

  it('names the setting whose file cannot be read', () => {
    expect(() => options({ TEMPORAL_TLS_CA_PATH: '/nonexistent/ca.pem' })).toThrow(/TEMPORAL_TLS_CA_PATH: cannot read/);
  });
});
