import { parseProcStat, processTree, treeCpuTicks, type ProcStat } from '../../../bench/proc-cpu';
import { perTicket } from '../../../bench/cpu-meter';
import { findStackProcesses } from '../../../bench/stack-processes';

/** A /proc/<pid>/stat line with the given command and times; the fields between are as the kernel writes them. */
const statLine = (pid: number, comm: string, ppid: number, [utime, stime, cutime, cstime]: number[]) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1200 0 3 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 9 0 ` +
  '1667078 3133440 379 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0';

describe('parsing /proc/<pid>/stat', () => {
  it('reads the pid, command, parent and CPU ticks, its own and its reaped children’s', () => {
    expect(parseProcStat(statLine(4242, 'temporal', 17, [300, 45, 7, 3]))).toEqual({
      pid: 4242,
      comm: 'temporal',
      ppid: 17,
      cpuTicks: 355,
    });
  });

  it('counts fields from the last parenthesis, so a command with spaces or parentheses cannot shift them', () => {
    const stat = parseProcStat(statLine(9, 'node (worker) 2', 1, [10, 5, 0, 0]));
    expect(stat).toMatchObject({ comm: 'node (worker) 2', ppid: 1, cpuTicks: 15 });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('not a stat line')).toThrow(/not a \/proc stat line/);
  });
});

describe('process trees', () => {
  const stat = (pid: number, ppid: number, comm: string, cpuTicks: number): ProcStat => ({ pid, ppid, comm, cpuTicks });
  const all = [
    stat(1, 0, 'init', 5),
    stat(100, 1, 'node', 50), // the bench, which started the stack
    stat(110, 100, 'temporal', 400),
    stat(120, 100, 'postgres', 30), // the postmaster
    stat(121, 120, 'postgres', 20),
    stat(122, 120, 'postgres', 10),
    stat(200, 1, 'postgres', 999), // someone else's PostgreSQL
    stat(300, 1, 'temporal', 999), // and someone else's Temporal
  ];

  it('holds the root and every descendant, and nothing else', () => {
    expect(
      processTree(all, 120)
        .map((s) => s.pid)
        .sort(),
    ).toEqual([120, 121, 122]);
  });

  it('sums the CPU of a whole tree, and has none for a process that is gone', () => {
    expect(treeCpuTicks(all, 120)).toBe(60);
    expect(treeCpuTicks(all, 999)).toBeNull();
  });

  it('finds the stack’s Temporal server and postmaster by ancestry, not by name alone', () => {
    expect(findStackProcesses(100, all)).toEqual({ temporalServer: 110, postgres: 120 });
  });

  it('finds nothing for a stack with no known supervisor', () => {
    expect(findStackProcesses(null, all)).toEqual({ temporalServer: null, postgres: null });
  });
});

describe('CPU per ticket', () => {
  it('divides each process’s CPU by the tickets, and keeps unmeasured processes unmeasured', () => {
    expect(perTicket({ worker: 4_500, temporalServer: null }, 100)).toEqual({ worker: 45, temporalServer: null });
  });

  it('has no figure for a run with no tickets', () => {
    expect(perTicket({ worker: 10 }, 0)).toEqual({ worker: null });
  });
});
