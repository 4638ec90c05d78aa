import { existsSync, readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { z } from 'zod';
import type { Config } from '../config';
import { startStack, stackFile, type RunningStack } from '../tooling/stack';
import { processAlive } from '../tooling/stack/processes';

export interface EvalDatabase {
  pool: Pool;
  source: string;
  close(): Promise<void>;
}

const stackInfo = z.object({ databaseUrl: z.string(), supervisorPid: z.number() });

/**
 * DATABASE_URL if set; else the running dev stack (`make stack-up`); else a dev stack started for this run, as
 * `npm run demo` does. The dev stack keeps its PostgreSQL between runs, so drift against earlier runs stays visible.
 */
export async function openEvalDatabase(config: Config, log: (line: string) => void): Promise<EvalDatabase> {
  const open = (url: string, source: string, stop?: RunningStack) => {
    const pool = new Pool({ connectionString: url, max: 5 });
    // pool.end() resolves before its idle connections have closed, so a stack stopped right after may still end one:
    // that must not crash a finished run. During the run, a dropped idle connection is replaced on next use.
    let closing = false;
    pool.on('error', (error) => closing || log(`database connection lost: ${error.message}`));
    return {
      pool,
      source,
      close: async () => {
        closing = true;
        await pool.end();
        await stop?.stop();
      },
    };
  };
  if (config.DATABASE_URL) return open(config.DATABASE_URL, 'DATABASE_URL');
  if (existsSync(stackFile('dev'))) {
    const info = stackInfo.safeParse(JSON.parse(readFileSync(stackFile('dev'), 'utf8')));
    if (info.success && processAlive(info.data.supervisorPid))
      return open(info.data.databaseUrl, 'the running dev stack');
  }
  log('DATABASE_URL is unset and no dev stack is running: starting one (stopped again at the end)');
  const stack = await startStack('dev', (line) => log(`[stack] ${line}`));
  return open(stack.info.databaseUrl, 'a dev stack started for this run', stack);
}

/** The labelled cases name seeded accounts; an unseeded database would fail every item one by one. */
export async function assertSeeded(pool: Pool): Promise<void> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM accounts WHERE id IN ('ACC-1001', 'ACC-2001')`);
  if (rows[0]?.n !== 2) throw new Error('the database has no seeded demo accounts: run `npm run seed` first');
}
