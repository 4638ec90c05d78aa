import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../../../config';
import { temporalConnectionOptions } from '../../../config/temporal-connection';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-envconfig-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const caPath = file('ca.pem', '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n');
const certPath = file('client.pem', 'client certificate');
const keyPath = file('client.key', 'client key');
const profiles = file(
  'temporal.toml',
  `
[profile.default]
address = "temporal.internal:7233"
namespace = "switchboard-staging"

[profile.cloud]
address = "switchboard.a1b2c.tmprl.cloud:7233"
namespace = "switchboard.a1b2c"
api_key = "cloud-secret"

[profile.mtls]
address = "temporal-frontend.internal:7233"
namespace = "switchboard"
[profile.mtls.tls]
server_name = "temporal.internal"
server_ca_cert_path = "${caPath}"
client_cert_path = "${certPath}"
client_key_path = "${keyPath}"
`,
);

const connection = (env: Record<string, string>) => {
  const config = parseConfig(env);
  return { namespace: config.TEMPORAL_NAMESPACE, ...temporalConnectionOptions(config) };
};
const problem = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe("Temporal's standard variables alone", () => {
  it('connect in plaintext to a local dev server by default', () => {
    expect(connection({})).toEqual({ namespace: 'default', address: 'localhost:7233' });
  });

  it('turn TLS on for a Temporal Cloud API key', () => {
    expect(connection({ TEMPORAL_ADDRESS: 'eu.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' })).toEqual({
      namespace: 'default',
      address: 'eu.tmprl.cloud:7233',
      apiKey: 'k',
      tls: true,
    });
  });

  it('read mutual TLS from the TEMPORAL_TLS_* names the temporal CLI uses', () => {
    const options = connection({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_NAMESPACE: 'switchboard',
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: caPath,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      TEMPORAL_TLS_CLIENT_CERT_PATH: certPath,
      TEMPORAL_TLS_CLIENT_KEY_PATH: keyPath,
      TEMPORAL_GRPC_META_X_TEAM: 'noc',
    });
    expect(options).toMatchObject({ namespace: 'switchboard', address: 'temporal.internal:7233' });
    expect(options.metadata).toEqual({ 'x-team': 'noc' });
    const tls = options.tls as Exclude<typeof options.tls, true | undefined>;
    expect(tls.serverNameOverride).toBe('temporal.internal');
    expect(Buffer.from(tls.serverRootCACertificate!).toString()).toContain('BEGIN CERTIFICATE');
    expect(Buffer.from(tls.clientCertPair!.crt).toString()).toBe('client certificate');
    expect(Buffer.from(tls.clientCertPair!.key).toString()).toBe('client key');
  });

  it('accept the spellings of true and false the temporal CLI accepts', () => {
    expect(connection({ TEMPORAL_TLS: 'TRUE' }).tls).toBe(true);
    expect(connection({ TEMPORAL_TLS: '1' }).tls).toBe(true);
    expect(connection({ TEMPORAL_TLS: 'False', TEMPORAL_TLS_SERVER_CA_CERT_PATH: caPath }).tls).toBeUndefined();
  });
});

describe('a temporal.toml profile', () => {
  it('is read from TEMPORAL_CONFIG_FILE, "default" unless TEMPORAL_PROFILE names another', () => {
    expect(connection({ TEMPORAL_CONFIG_FILE: profiles })).toEqual({
      namespace: 'switchboard-staging',
      address: 'temporal.internal:7233',
    });
    expect(connection({ TEMPORAL_CONFIG_FILE: profiles, TEMPORAL_PROFILE: 'cloud' })).toEqual({
      namespace: 'switchboard.a1b2c',
      address: 'switchboard.a1b2c.tmprl.cloud:7233',
      apiKey: 'cloud-secret',
      tls: true,
    });
    const mtls = connection({ TEMPORAL_CONFIG_FILE: profiles, TEMPORAL_PROFILE: 'mtls' });
    expect(mtls.tls).toMatchObject({ serverNameOverride: 'temporal.internal', clientCertPair: expect.anything() });
  });

  it('is found where the temporal CLI looks when no file is named', () => {
    const home = mkdtempSync(join(tmpdir(), 'switchboard-xdg-'));
    mkdirSync(join(home, 'temporalio'));
    writeFileSync(join(home, 'temporalio', 'temporal.toml'), '[profile.default]\naddress = "xdg.internal:7233"\n');
    expect(connection({ XDG_CONFIG_HOME: home }).address).toBe('xdg.internal:7233');
  });

  it('gives way to the environment, setting by setting', () => {
    const options = connection({
      TEMPORAL_CONFIG_FILE: profiles,
      TEMPORAL_PROFILE: 'cloud',
      TEMPORAL_NAMESPACE: 'switchboard-dr.a1b2c',
      TEMPORAL_API_KEY: 'rotated-secret',
    });
    expect(options).toEqual({
      namespace: 'switchboard-dr.a1b2c',
      address: 'switchboard.a1b2c.tmprl.cloud:7233',
      apiKey: 'rotated-secret',
      tls: true,
    });
    const overridden = connection({
      TEMPORAL_CONFIG_FILE: profiles,
      TEMPORAL_PROFILE: 'mtls',
      TEMPORAL_TLS_SERVER_NAME: 'frontend.dr.internal',
    });
    expect(overridden.tls).toMatchObject({ serverNameOverride: 'frontend.dr.internal' });
  });
});

describe('bad Temporal settings stop start-up with a ConfigError naming the setting', () => {
  it.each([
    [{ TEMPORAL_TLS: 'on-ish' }, /TEMPORAL_TLS: "on-ish" is not a boolean/],
    [{ TEMPORAL_ADDRESS: 'https://temporal.internal:7233' }, /TEMPORAL_ADDRESS: .* is not host:port/],
    [{ TEMPORAL_TLS_CLIENT_CERT_PATH: certPath }, /set both the client certificate and its key/],
    [{ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/nonexistent/ca.pem' }, /TEMPORAL_TLS_SERVER_CA_CERT_PATH: cannot read/],
    [{ TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' }, /cannot turn host verification off/],
    [{ TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml' }, /TEMPORAL_CONFIG_FILE: cannot read/],
    [{ TEMPORAL_CONFIG_FILE: profiles, TEMPORAL_PROFILE: 'prod' }, /no profile "prod" .*profiles: default, cloud/],
    [{ TEMPORAL_CONFIG_FILE: file('typo.toml', '[profile.default]\nadress = "x:1"\n') }, /unrecognized.*adress/],
    [{ TEMPORAL_CONFIG_FILE: file('broken.toml', '[profile.default\n') }, /TEMPORAL_CONFIG_FILE: .*broken\.toml/],
  ])('%j', (env, expected) => {
    expect(problem(env)).toMatch(expected);
  });

  it('refuses an API key with TLS switched off, without printing the key', () => {
    const message = problem({ TEMPORAL_API_KEY: 'secret-key', TEMPORAL_TLS: 'false' });
    expect(message).toMatch(/TEMPORAL_TLS: an API key or client certificate needs TLS/);
    expect(message).not.toContain('secret-key');
  });

  it('treats a file without profiles as no profile', () => {
    expect(connection({ TEMPORAL_CONFIG_FILE: file('empty.toml', '') }).address).toBe('localhost:7233');
  });
});

describe("Switchboard's pre-standard names, for one release", () => {
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
  });
  afterEach(() => warnings.mockRestore());

  it('still connect, with a deprecation warning naming the new variable', () => {
    const options = connection({
      TEMPORAL_TLS: 'on',
      TEMPORAL_TLS_CA_PATH: caPath,
      TEMPORAL_TLS_CERT_PATH: certPath,
      TEMPORAL_TLS_KEY_PATH: keyPath,
    });
    expect(options.tls).toMatchObject({
      clientCertPair: expect.anything(),
      serverRootCACertificate: expect.anything(),
    });
    const messages = warnings.mock.calls.map(([message]) => String(message));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/TEMPORAL_TLS_CERT_PATH .*TEMPORAL_TLS_CLIENT_CERT_PATH/),
        expect.stringMatching(/TEMPORAL_TLS_KEY_PATH .*TEMPORAL_TLS_CLIENT_KEY_PATH/),
        expect.stringMatching(/TEMPORAL_TLS_CA_PATH .*TEMPORAL_TLS_SERVER_CA_CERT_PATH/),
        expect.stringMatching(/TEMPORAL_TLS=on .*TEMPORAL_TLS=true/),
      ]),
    );
    expect(warnings.mock.calls[0]?.[1]).toMatchObject({ type: 'DeprecationWarning' });
  });

  it('keep TEMPORAL_TLS=off meaning plaintext', () => {
    expect(connection({ TEMPORAL_TLS: 'off', TEMPORAL_TLS_SERVER_NAME: 'x' }).tls).toBeUndefined();
  });

  it('are refused when they contradict the standard name', () => {
    expect(problem({ TEMPORAL_TLS_CA_PATH: caPath, TEMPORAL_TLS_SERVER_CA_CERT_PATH: certPath })).toMatch(
      /TEMPORAL_TLS_CA_PATH: set only TEMPORAL_TLS_SERVER_CA_CERT_PATH/,
    );
  });
});
