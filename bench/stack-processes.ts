import { existsSync, readFileSync } from 'node:fs';
import { stackFile, type Profile } from '../tooling/stack';
import { processTree, readAllProcStats, type ProcStat } from './proc-cpu';

/** The stack's server processes whose CPU the benchmark reports; null where the stack is not ours to see. */
export interface StackProcesses {
  temporalServer: number | null;
  /** The postmaster: its backends are its children, measured with it. */
  postgres: number | null;
}

/**
 * The Temporal dev server and PostgreSQL among the descendants of the process that started the stack (the bench
 * itself, or the supervisor of a detached `npm run stack up`). Found by ancestry, not by name alone: other people's
 * stacks run the same binaries on this machine.
 */
export function findStackProcesses(supervisorPid: number | null, all: readonly ProcStat[]): StackProcesses {
  if (supervisorPid === null) return { temporalServer: null, postgres: null };
  const tree = processTree(all, supervisorPid).filter((stat) => stat.pid !== supervisorPid);
  const commOf = new Map(all.map((stat) => [stat.pid, stat.comm]));
  const temporal = tree.find((stat) => stat.comm === 'temporal');
  const postmaster = tree.find((stat) => stat.comm === 'postgres' && commOf.get(stat.ppid) !== 'postgres');
  return { temporalServer: temporal?.pid ?? null, postgres: postmaster?.pid ?? null };
}

/**
 * Who started the stack under test: this process when the bench started its own, else the supervisor recorded in the
 * profile's stack.json when that stack is the one TEMPORAL_ADDRESS points at. Null for a stack started elsewhere
 * (compose, a remote server): its CPU is then reported as not measured.
 */
export function stackSupervisorPid(ownStack: boolean, profile: Profile, temporalAddress: string): number | null {
  if (ownStack) return process.pid;
  const file = stackFile(profile);
  if (!existsSync(file)) return null;
  const info = JSON.parse(readFileSync(file, 'utf8')) as { temporalAddress?: string; supervisorPid?: number };
  return info.temporalAddress === temporalAddress && typeof info.supervisorPid === 'number' ? info.supervisorPid : null;
}

/** Locates the stack's processes now (PostgreSQL may restart between phases). */
export const locateStackProcesses = (supervisorPid: number | null) =>
  findStackProcesses(supervisorPid, supervisorPid === null ? [] : readAllProcStats());
