import { clockTicksPerSecond, readAllProcStats, treeCpuTicks } from './proc-cpu';

/** CPU milliseconds each named process tree spent between start and stop; null where a process was not found. */
export type CpuSpent = Record<string, number | null>;

/**
 * Snapshots utime+stime (with reaped children) of each process tree at the start of a measured window, and returns
 * the difference at its end. `self` is this process alone, from process.cpuUsage(): its /proc tree would include the
 * stack it started.
 */
export function startCpuMeter(pids: Record<string, number | null>, self?: string): { stop(): CpuSpent } {
  const ticks = () => {
    const all = readAllProcStats();
    return Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => [name, pid === null ? null : treeCpuTicks(all, pid)]),
    );
  };
  const before = ticks();
  const selfBefore = process.cpuUsage();
  return {
    stop() {
      const after = ticks();
      const msPerTick = 1000 / clockTicksPerSecond();
      const spent: CpuSpent = {};
      for (const name of Object.keys(pids)) {
        const [from, to] = [before[name], after[name]];
        spent[name] =
          from === null || to === null || from === undefined || to === undefined ? null : (to - from) * msPerTick;
      }
      if (self) {
        const used = process.cpuUsage(selfBefore);
        spent[self] = (used.user + used.system) / 1000;
      }
      return spent;
    },
  };
}

/** CPU per ticket, in ms, for each process. */
export const perTicket = (spent: CpuSpent, tickets: number): CpuSpent =>
  Object.fromEntries(
    Object.entries(spent).map(([name, ms]) => [name, ms === null || tickets < 1 ? null : ms / tickets]),
  );
