import { readFile } from 'node:fs/promises';
import { ticketInputSchema } from '../../../domain/ticket';
import type { CliContext } from '../context';
import { CliError, ExitCode } from '../exit-codes';
import { readAll } from '../io';
import { issueLines } from '../../../domain/zod-issues';

/** The same schema the API applies, checked first so a typo is a usage error with the field named, not a 400. */
export async function startTicket(ctx: CliContext, options: { file: string }): Promise<ExitCode> {
  const text = options.file === '-' ? await readAll(ctx.io.stdin) : await readTicketFile(options.file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(ExitCode.usage, `${describe(options.file)} is not JSON: ${(error as Error).message}`);
  }
  const ticket = ticketInputSchema.safeParse(json);
  if (!ticket.success) {
    const issues = issueLines(ticket.error);
    throw new CliError(ExitCode.usage, `${describe(options.file)} is not a valid ticket`, issues);
  }
  const started = await ctx.api().startTicket(ticket.data);
  ctx.io.stdout.write(`Started ticket ${started.ticketId} (workflow ${started.workflowId}).\n`);
  return ExitCode.ok;
}

export async function showTicket(ctx: CliContext, ticketId: string): Promise<ExitCode> {
  const ticket = await ctx.api().ticket(ticketId);
  ctx.io.stdout.write(`${JSON.stringify(ticket, null, 2)}\n`);
  return ExitCode.ok;
}

const describe = (file: string) => (file === '-' ? 'stdin' : file);

async function readTicketFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(ExitCode.usage, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
