import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configSchema } from '../../config';
import { searchAttributeCliTypes } from '../../domain/search-attributes';

const root = join(__dirname, '..', '..');
const composeFile = join(root, 'docker-compose.yml');

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  container_name?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const appServices = ['migrate', 'seed-demo-data', 'worker', 'api', 'codec-server'];

describe('docker-compose.yml', () => {
  it('runs Temporal on PostgreSQL from the official images, with the UI wired to the codec server', () => {
    const { services } = compose;
    expect(services.temporal?.image).toMatch(/^temporalio\/server:/);
    expect(services.temporal?.environment?.DB).toBe('postgres12');
    expect(services['temporal-ui']?.image).toMatch(/^temporalio\/ui:/);
    expect(services['temporal-ui']?.environment?.TEMPORAL_CODEC_ENDPOINT).toContain('8081');
    expect(services['codec-server']?.command).toContain('dist/client/codec-server/main.js');
  });

  it('starts every application service with node as the command, on an entry point that exists', () => {
    for (const name of appServices) {
      const [command, ...args] = compose.services[name]?.command ?? [];
      const entry = args.find((part) => /\.[jt]s$/.test(part)) ?? '';
      // dist/ is built (npm run build); its entry points are compiled from the TypeScript of the same path.
      const source = entry.replace(/^dist\/(.*)\.js$/, '$1.ts');
      expect({ service: name, command, entry, exists: existsSync(join(root, source)) }).toEqual({
        service: name,
        command: 'node',
        entry,
        exists: true,
      });
    }
  });

  it('checks the health of the API and the worker from inside their containers, with node (the image has no curl)', () => {
    const probes = { api: 'http://127.0.0.1:8080/readyz', worker: 'http://127.0.0.1:9464/metrics' };
    for (const [name, url] of Object.entries(probes)) {
      const test = compose.services[name]?.healthcheck?.test ?? [];
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(test[3]).toContain(`fetch('${url}')`);
    }
    expect(compose.services.worker?.environment?.WORKER_METRICS_ADDRESS).toBe('0.0.0.0:9464');
    expect(compose.services.api?.environment?.API_PORT).toBe('8080');
  });

  it("passes every model setting and the AWS SDK's whole credential chain through from .env", () => {
    const modelSettings = Object.keys(configSchema.shape).filter((key) => /MODEL|BEDROCK|ANTHROPIC/.test(key));
    const chain = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION'];
    const webIdentity = ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
    const example = readFileSync(join(root, 'deploy', 'compose.env.example'), 'utf8');
    for (const key of [...modelSettings, ...chain, ...webIdentity]) {
      const value = compose.services.worker?.environment?.[key];
      expect({ key, value }).toEqual({ key, value: expect.stringMatching(new RegExp(`^\\$\\{${key}:-[^}]*\\}$`)) });
      expect({ key, documented: new RegExp(`^#? ?${key}=`, 'm').test(example) }).toEqual({ key, documented: true });
    }
    expect(compose.services.worker?.volumes).toContain('${AWS_CONFIG_DIR:-~/.aws}:/home/node/.aws:ro');
  });

  it('lets the worker scale: no fixed container name or host port', () => {
    expect(compose.services.worker?.container_name).toBeUndefined();
    expect(compose.services.worker?.ports).toBeUndefined();
    expect(compose.services.worker?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
  });

  it('passes only settings the config schema knows, and no secret in clear', () => {
    const known = new Set(Object.keys(configSchema.shape));
    for (const name of appServices) {
      for (const [key, value] of Object.entries(compose.services[name]?.environment ?? {})) {
        if (!/^AWS_/.test(key))
          expect({ service: name, key, known: known.has(key) }).toEqual({ service: name, key, known: true });
        if (/PASSWORD|_KEY$|_KEYS$/.test(key)) expect(String(value)).toMatch(/^\$\{[A-Z_]+(:[-?][^}]*)?\}$/);
      }
      expect(compose.services[name]?.environment?.DATABASE_URL).toContain('${SWITCHBOARD_DB_PASSWORD');
    }
  });

  it('registers the same search attributes as the code', () => {
    const script = readFileSync(join(root, 'deploy', 'temporal', 'setup-namespace.sh'), 'utf8');
    const registered = Object.fromEntries(
      [...script.matchAll(/\b([A-Z][A-Za-z]+):(KeywordList|Keyword|Double)\b/g)].map((m) => [m[1], m[2]]),
    );
    expect(registered).toEqual(searchAttributeCliTypes);
  });

  it('validates with `docker compose config` where the compose plugin is installed', () => {
    const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    // The docker CLI here has no compose plugin unless the stack installed one; structure is checked above either way.
    if (probe.status !== 0) return expect(probe.status).not.toBe(0);
    const output = execFileSync(
      'docker',
      ['compose', '-f', composeFile, '--env-file', join(root, 'deploy', 'compose.env.example'), 'config', '--quiet'],
      { encoding: 'utf8', cwd: root },
    );
    expect(output).toBe('');
    const missing = spawnSync('docker', ['compose', '-f', composeFile, 'config', '--quiet'], {
      encoding: 'utf8',
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/required variable [A-Z_]+ is missing/);
  });
});
