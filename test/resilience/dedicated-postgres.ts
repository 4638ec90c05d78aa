import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../support/free-port';

export interface DedicatedPostgres {
  databaseUrl: string;
  /** Stops the server cleanly; start() brings it back on the same port and data directory with every row. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its data directory. */
  destroy(): Promise<void>;
}

function launch(dataDir: string, port: number, init: boolean): Promise<{ child: ChildProcess; databaseUrl: string }> {
  const root = join(__dirname, '..', '..');
  const args = ['--import', 'tsx', join(__dirname, 'postgres-server.ts'), dataDir, String(port)];
  const child = spawn(process.execPath, init ? [...args, '--init'] : args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve({ child, databaseUrl: (JSON.parse(line) as { databaseUrl: string }).databaseUrl });
    });
    child.once('exit', (code) => reject(new Error(`dedicated PostgreSQL exited with ${code} before it was ready`)));
  });
}

/** A migrated, seeded PostgreSQL of the check's own: restarting it cannot disturb the stack other tests share. */
export async function dedicatedPostgres(name: string): Promise<DedicatedPostgres> {
  const dataDir = join(__dirname, '..', '..', '.data', `resilience-pg-${name}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  let running: ChildProcess | undefined;
  const first = await launch(dataDir, port, true);
  running = first.child;
  const stop = async () => {
    const child = running;
    running = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    databaseUrl: first.databaseUrl,
    stop,
    start: async () => {
      running ??= (await launch(dataDir, port, false)).child;
    },
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
