import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** One line of /proc/<pid>/stat, the fields the benchmark needs. CPU times are in clock ticks. */
export interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime of the process, plus cutime + cstime of the children it has reaped. */
  cpuTicks: number;
}

/**
 * Parses /proc/<pid>/stat (proc(5)). The command name is in parentheses and may itself hold spaces or parentheses,
 * so the numeric fields are counted from the last ')'. Children's times count because PostgreSQL's backends come and
 * go: when one exits, its time moves into the postmaster's cutime, and a tree's total stays continuous.
 */
export function parseProcStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc stat line: ${text.slice(0, 40)}`);
  // fields[0] is field 3 (state); ppid is field 4, utime..cstime fields 14..17.
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(fields[n - 3]);
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    ppid: field(4),
    cpuTicks: field(14) + field(15) + field(16) + field(17),
  };
}

/** The process and every live descendant, from a snapshot of all processes. */
export function processTree(all: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of all) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const tree = all.filter((stat) => stat.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!.pid) ?? []));
  return tree;
}

/** CPU ticks of a whole process tree; null when the root is gone. */
export function treeCpuTicks(all: readonly ProcStat[], root: number): number | null {
  const tree = processTree(all, root);
  return tree.length ? tree.reduce((sum, stat) => sum + stat.cpuTicks, 0) : null;
}

/** Every process /proc shows now; those that exit while being read are skipped. */
export function readAllProcStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // Exited between the listing and the read.
    }
  }
  return stats;
}

let ticksPerSecond: number | undefined;

/** USER_HZ: 100 on every common Linux build, asked of getconf in case this one differs. */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}
