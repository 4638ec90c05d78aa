import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

export interface BenchWorker {
  pid: number;
  /** Resident set size of the worker process itself, in MB, from /proc (Linux). */
  rssMb(): number | null;
  stop(): Promise<void>;
}

export function rssMbOf(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Where the bench compiles the production tree, once per bench process: inside .data, so git and lint ignore it. */
const compiledDir = join(root, '.data', 'bench-dist');
let compiled: Promise<string> | undefined;

/**
 * The worker as production runs it: compiled JavaScript (`npm run build`, the image's `node dist/workers/main.js`),
 * not TypeScript through tsx, whose loader costs memory and start-up time a deployed worker never pays.
 */
function compiledWorker(): Promise<string> {
  compiled ??= new Promise<string>((resolve, reject) => {
    const build = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out-dir', compiledDir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    build.once('error', reject);
    build.once('exit', (code) =>
      code === 0 ? resolve(join(compiledDir, 'workers', 'main.js')) : reject(new Error(`npm run build exited ${code}`)),
    );
  });
  return compiled;
}

/**
 * The production worker entry point (configured from the environment) in a process of its own, so its RSS and CPU
 * are its own and not the load generator's; started with `node` itself, so the pid is the worker's.
 */
export async function startWorkerProcess(env: Record<string, string>, logFile: string): Promise<BenchWorker> {
  const entry = await compiledWorker();
  // BENCH_WORKER_NODE_FLAGS: node flags for the worker alone (a heap limit, say), which NODE_OPTIONS would also
  // impose on the load generator.
  const flags = process.env.BENCH_WORKER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...flags, entry], {
    cwd: root,
    // The production image's malloc setting (deploy/Dockerfile), unless the caller sets its own.
    env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`worker not polling after 120 s; see ${logFile}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString('utf8');
      if (seen.includes('worker polling')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before polling; see ${logFile}`));
    });
  });
  return {
    pid: child.pid!,
    rssMb: () => rssMbOf(child.pid!),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 40_000);
      await exited;
      clearTimeout(forced);
      log.end();
    },
  };
}
