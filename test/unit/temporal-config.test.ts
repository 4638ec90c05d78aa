import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { clusterServerEnv, clusterServices } from '../../tooling/stack/temporal-cluster-env';
import {
  renderServerConfig,
  serverConfigEnv,
  serverConfigTemplate,
  templateVariables,
} from '../../tooling/stack/temporal-config';

interface Service {
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}
const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  'x-temporal-db': Record<string, string>;
};
const temporal = compose.services.temporal!;
const template = serverConfigTemplate();
const variables = templateVariables(template);

/** Compose's interpolation: `${X:-d}` gives d, a required `${X:?…}` gives a stand-in value. */
const interpolate = (value: string) =>
  value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name, kind, rest) =>
    kind === '-' ? rest : `site-${name}`,
  );
const composeEnv = Object.fromEntries(
  Object.entries(temporal.environment ?? {}).map(([key, value]) => [key, interpolate(String(value))]),
);
const clusterEnv = clusterServerEnv(
  { port: 7290, postgresPort: 5490, shards: 4 },
  { caPath: '/ca.pem', serverCertPath: '/server.pem', serverKeyPath: '/server.key' },
  'http://127.0.0.1:1/jwks.json',
  { user: 'switchboard', password: 'secret' },
);

/**
 * What may differ between one host and another: addresses, ports, credentials and file locations. Where the
 * unauthenticated internal services listen is policy, not site: loopback in both.
 */
const policy = new Set(['TEMPORAL_TLS_SERVER_NAME', 'INTERNAL_BIND_ON_IP']);
const site = (name: string) =>
  /(_PORT|_SEEDS|_USER|_PWD|_IP|_ADDRESS|_CERT|_KEY|_CA|_URL|_PATH)$/.test(name) && !policy.has(name);
const masked = (env: Record<string, string>) => {
  const names = [...variables.required, ...Object.keys(variables.optional), ...Object.keys(env)];
  return Object.fromEntries(names.map((name) => [name, site(name) ? `<${name}>` : env[name]]));
};

describe('the Temporal server configuration shared by compose and the cluster profile', () => {
  it('is the template compose mounts and starts the server with, with the same services', () => {
    expect(temporal.volumes).toContain('./deploy/temporal/config:/etc/temporal/switchboard:ro');
    const [binary, ...args] = temporal.entrypoint ?? [];
    expect(binary).toBe('temporal-server');
    expect(args.slice(0, 4)).toEqual([
      '--root=/etc/temporal',
      '--config=switchboard',
      `--env=${serverConfigEnv}`,
      'start',
    ]);
    expect(args.slice(4)).toEqual(clusterServices.map((service) => `--service=${service}`));
  });

  it('gets every variable it needs from both, and neither sets one it does not read', () => {
    const known = new Set([...variables.required, ...Object.keys(variables.optional)]);
    for (const [who, env] of Object.entries({ compose: composeEnv, cluster: clusterEnv })) {
      expect({ who, missing: variables.required.filter((name) => !env[name]) }).toEqual({ who, missing: [] });
      // Compose's anchor also feeds temporal-schema, whose tool reads these.
      const shared = new Set(Object.keys(compose['x-temporal-db']));
      const unread = Object.keys(env).filter((name) => !known.has(name) && !(who === 'compose' && shared.has(name)));
      expect({ who, unread }).toEqual({ who, unread: [] });
    }
  });

  it('renders to the same configuration for both, apart from addresses, ports, credentials and paths', () => {
    const forCompose = renderServerConfig(template, masked(composeEnv));
    const forCluster = renderServerConfig(template, masked(clusterEnv));
    expect(forCluster).toBe(forCompose);
    const config = parse(forCluster);
    expect(config.persistence.numHistoryShards).toBeGreaterThanOrEqual(4);
    expect(config.global.authorization).toMatchObject({ authorizer: 'default', claimMapper: 'default' });
    expect(Object.keys(config.services).sort()).toEqual([...clusterServices].sort());
  });

  it('fails to render when a required variable is missing or the template uses another action', () => {
    expect(() => renderServerConfig(template, {})).toThrow(/is not set/);
    expect(() => renderServerConfig('a: {{ .Env.X }}', {})).toThrow(/unsupported template action/);
    expect(renderServerConfig('a: {{ env "X" | default "4" }}', { X: '' })).toBe('a: 4');
  });
});
