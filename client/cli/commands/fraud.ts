import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';

/** A real calendar date, so 2025-02-30 is refused here rather than swept as 2 March. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export async function startFraudSweep(ctx: CliContext, options: { date?: string }): Promise<ExitCode> {
  if (options.date !== undefined && !isCalendarDate(options.date)) {
    throw new CliError(ExitCode.usage, `--date must be a date as YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  }
  const started = await ctx.api().startFraudSweep(options.date);
  const day = options.date ?? "the API's default day";
  ctx.io.stdout.write(`Started the fraud sweep for ${day} (workflow ${started.workflowId}).\n`);
  return ExitCode.ok;
}
