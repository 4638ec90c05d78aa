import type { CliContext } from '../context';
import { ExitCode } from '../exit-codes';

/**
 * A broken chain is the answer, not a failure to get one: it has its own exit code and names the bad rows. The API
 * puts every problem (seq range and what is wrong: rows missing after an anchor, an anchor moved, an HMAC mismatch)
 * in `reason`, separated by "; "; several are listed one per line.
 */
export async function verifyAudit(ctx: CliContext, options: { json?: boolean }): Promise<ExitCode> {
  const result = await ctx.api().verifyAudit();
  if (options.json) ctx.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.ok) {
    if (!options.json) ctx.io.stdout.write(`Audit chain intact: ${result.rows} rows verified.\n`);
    return ExitCode.ok;
  }
  const where = result.firstBadSeq == null ? 'at an unknown row' : `at row seq ${result.firstBadSeq}`;
  const problems = (result.reason ?? 'no reason given').split('; ');
  if (problems.length === 1) {
    ctx.io.stderr.write(`Audit chain BROKEN ${where}: ${problems[0]} (${result.rows} rows).\n`);
  } else {
    const lines = problems.map((problem) => `  - ${problem}\n`).join('');
    ctx.io.stderr.write(`Audit chain BROKEN ${where} (${result.rows} rows):\n${lines}`);
  }
  return ExitCode.auditBroken;
}
