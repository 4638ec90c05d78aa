import { MultiBar, Presets } from 'cli-progress';
import { silentProgress, type Progress } from '../activities/evaluation/progress';

/** Bars on stderr, so stdout stays the summary a script can read; nothing is drawn when stderr is not a terminal. */
export function terminalProgress(): Progress {
  // cli-progress skips updates off a terminal but still draws an unstarted bar on stop(): draw nothing instead.
  if (!process.stderr.isTTY) return silentProgress;
  const multi = new MultiBar(
    {
      stream: process.stderr,
      format: ' {name} |{bar}| {value}/{total} {percentage}% eta {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  return {
    bar(name, total) {
      const bar = multi.create(total, 0, { name: name.padEnd(22) });
      return { tick: () => bar.increment() };
    },
    stop: () => multi.stop(),
  };
}
