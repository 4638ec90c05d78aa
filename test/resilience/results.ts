import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sizes } from './size';

export const resultsPath = join(__dirname, '..', '..', '.data', 'resilience-results.json');

export interface ResultEntry {
  check: string;
  size: string;
  recordedAt: string;
  figures: Record<string, number | string | boolean>;
}

/**
 * Appends one check's figures, so the README's table is copied from a run rather than typed by hand. Checks run in
 * parallel jest workers: a mkdir lock keeps two appends from overwriting each other.
 */
export async function recordResult(check: string, figures: ResultEntry['figures']): Promise<void> {
  mkdirSync(join(resultsPath, '..'), { recursive: true });
  const lock = `${resultsPath}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      // A lock older than any append is a crashed writer's; take it over rather than hang the suite.
      if (attempt > 200) break;
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await sleep(25);
    }
  }
  try {
    const entries = readEntries();
    entries.push({ check, size: sizes.size, recordedAt: new Date().toISOString(), figures });
    const temp = `${resultsPath}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(entries, null, 2)}\n`);
    renameSync(temp, resultsPath);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function readEntries(): ResultEntry[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(resultsPath, 'utf8'));
    return Array.isArray(parsed) ? (parsed as ResultEntry[]) : [];
  } catch {
    return [];
  }
}
