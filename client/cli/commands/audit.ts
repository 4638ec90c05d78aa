import type { CliContext } from '../context';
import { ExitCode } from '../exit-codes';

/** A broken chain is the answer, not a failure to get one: it has its own exit code and names the first bad row. */
export async function verifyAudit(ctx: CliContext, options: { json?: boolean }): Promise<ExitCode> {
  const result = await ctx.api().verifyAudit();
  if (options.json) ctx.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.ok) {
    if (!options.json) ctx.io.stdout.write(`Audit chain intact: ${result.rows} rows verified.\n`);
    return ExitCode.ok;
  }
  const where = result.firstBadSeq == null ? 'at an unknown row' : `at row seq ${result.firstBadSeq}`;
  ctx.io.stderr.write(`Audit chain BROKEN ${where}: ${result.reason ?? 'no reason given'} (${result.rows} rows).\n`);
  return ExitCode.auditBroken;
}
