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
    expect(services['codec-server']?.command).toContain('client/codec-server/main.ts');
  });

  it('starts every application service from an entry point that exists', () => {
    for (const name of appServices) {
      const entry = compose.services[name]?.command?.find((part) => part.endsWith('.ts'));
      expect({ service: name, entry, exists: Boolean(entry && existsSync(join(root, entry))) }).toEqual({
        service: name,
        entry,
        exists: true,
      });
    }
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
