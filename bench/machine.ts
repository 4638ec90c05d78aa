import { execFile } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { requireDatabaseUrl, type Config } from '../config';
import { resolveTemporalCli } from '../tooling/stack/temporal-cli';

const run = promisify(execFile);

export interface Machine {
  cpuModel: string;
  cpus: number;
  ramGb: number;
  kernel: string;
  node: string;
  temporalCli: string | null;
  postgres: string | null;
  gitCommit: string | null;
  /** Uncommitted changes in the tree the figures came from. */
  gitDirty: boolean | null;
  /** 1-minute load average at the start: a busy machine makes every figure worse. */
  loadAverage: number | null;
}

async function quietly<T>(probe: () => Promise<T>): Promise<T | null> {
  try {
    return await probe();
  } catch {
    return null;
  }
}

/** What the figures were measured on, recorded beside them. */
export async function describeMachine(config: Config): Promise<Machine> {
  const cores = cpus();
  const temporalCli = await quietly(async () => {
    const cli = await resolveTemporalCli();
    return (await run(cli.path, ['--version'])).stdout.trim();
  });
  const postgres = await quietly(async () => {
    const pool = new Pool({ connectionString: requireDatabaseUrl(config), max: 1 });
    try {
      return String((await pool.query('SHOW server_version')).rows[0].server_version);
    } finally {
      await pool.end();
    }
  });
  const gitCommit = await quietly(async () => (await run('git', ['rev-parse', 'HEAD'])).stdout.trim());
  const gitDirty = await quietly(async () => (await run('git', ['status', '--porcelain'])).stdout.trim().length > 0);
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpus: cores.length,
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    temporalCli,
    postgres,
    gitCommit,
    gitDirty,
    loadAverage: loadavg()[0] ?? null,
  };
}
