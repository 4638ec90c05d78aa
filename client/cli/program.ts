import { createApiClient, type ApiClient } from './api-client';
import { approveFault, listApprovals, rejectFault } from './commands/approvals';
import { signApproval, type SignOptions } from './commands/approvals-sign';
import { createKey, showKey } from './commands/keys';
import { defaultKeyPath } from './signing-key';
import { verifyAudit } from './commands/audit';
import { startFraudSweep } from './commands/fraud';
import { fetchAcmaReport, runAcmaReport } from './commands/reports';
import { showTicket, startTicket } from './commands/tickets';
import { requireCliConfig, type CliConfigResult } from './config';
import type { CliContext } from './context';
import { reportError } from './errors';
import { ExitCode } from './exit-codes';
import * as help from './help';
import type { Io } from './io';
import { cliVersion } from './version';

export interface CliDeps {
  config: CliConfigResult;
  io: Io;
  now?: () => Date;
  fetch?: typeof fetch;
  signingKeyPath?: string;
}

/** Runs one command line (without node and the script) and returns the exit code; never calls process.exit. */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  // commander 15 is ESM-only; a dynamic import is how this CommonJS project loads it.
  const { Command, CommanderError } = await import('commander');
  const { io } = deps;
  let api: ApiClient | undefined;
  const ctx: CliContext = {
    io,
    now: deps.now ?? (() => new Date()),
    signingKeyPath: deps.signingKeyPath ?? defaultKeyPath(process.env),
    api: () => (api ??= createApiClient(requireCliConfig(deps.config), deps.fetch)),
  };
  let exitCode: number = ExitCode.ok;
  const run =
    <A extends unknown[]>(handler: (...args: A) => Promise<ExitCode>) =>
    async (...args: A) => {
      exitCode = await handler(...args);
    };

  const program = new Command('switchboard')
    .description(
      "On-call tools for Switchboard's workflows: approvals, tickets, fraud sweeps, reports, the audit chain.",
    )
    .version(cliVersion(), '-V, --version', 'print the version (from package.json) and exit')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', help.rootHelp);

  const approvals = program
    .command('approvals')
    .description('faults waiting for an on-call decision')
    .addHelpText('after', help.approvalsHelp);
  approvals
    .command('list')
    .description('list pending approvals with the diagnosis and the rule that requires approval')
    .option('--json', 'print the API items as JSON')
    .action(run((options: { json?: boolean }) => listApprovals(ctx, options)));
  approvals
    .command('approve')
    .description("approve a fault's recommended action; you are the approver your API key names")
    .argument('<workflowId>', 'the fault workflow, as in approvals list')
    .option('--reason <text>', 'why, for the audit trail and the next shift')
    .option('--emergency', 'an emergency approval, flagged as such in the audit trail')
    .option('-y, --yes', 'approve a destructive action without the confirmation prompt')
    .addHelpText('after', help.approveHelp)
    .action(
      run((workflowId: string, options: { reason?: string; emergency?: boolean; yes?: boolean }) =>
        approveFault(ctx, workflowId, options),
      ),
    );
  approvals
    .command('reject')
    .description("reject a fault's recommended action; nothing is executed")
    .argument('<workflowId>', 'the fault workflow, as in approvals list')
    .requiredOption('--reason <text>', 'why, for the audit trail and the next shift')
    .action(run((workflowId: string, options: { reason: string }) => rejectFault(ctx, workflowId, options)));
  approvals
    .command('sign')
    .description('print a signed decision for `temporal workflow signal --input`; nothing is sent')
    .argument('<workflowId>', 'the fault workflow, as in approvals list')
    .option('--approve', 'sign an approval')
    .option('--reject', 'sign a rejection')
    .requiredOption('--reason <text>', 'why, for the audit trail and the next shift')
    .option('--emergency', 'an emergency approval (needs a second approver, or tier 2 or above)')
    .option('--key <file>', 'your decision key (default: SWITCHBOARD_SIGNING_KEY or ~/.config/switchboard)')
    .option('--run-id <id>', 'the run to sign for (default: asked of the API)')
    .option('--action <action>', 'the recommended action (with --run-id and --device, no API needed)')
    .option('--device <id>', 'the device (with --run-id and --action)')
    .option('--valid-minutes <n>', 'how long the signature stays valid', '15')
    .addHelpText('after', help.signHelp)
    .action(run((workflowId: string, options: SignOptions) => signApproval(ctx, workflowId, options)));

  const keys = program.command('keys').description('your decision-signing key').addHelpText('after', help.keysHelp);
  keys
    .command('create')
    .description('make your Ed25519 decision key; prints the command an administrator runs to register it')
    .requiredOption('--identity <id>', 'your identity, as on the roster and your API key (e.g. eng.alice)')
    .requiredOption('--role <role>', 'oncall, agent, reviewer or analyst')
    .option('--out <file>', 'where to write it (default: SWITCHBOARD_SIGNING_KEY or ~/.config/switchboard)')
    .action(run((options: { identity: string; role: string; out?: string }) => createKey(ctx, options)));
  keys
    .command('show')
    .description('your key id, identity and role, and its registration command')
    .option('--key <file>', 'the key file')
    .option('--json', 'print identity, role, key id and public key as JSON')
    .action(run((options: { key?: string; json?: boolean }) => showKey(ctx, options)));

  const tickets = program.command('tickets').description('customer tickets').addHelpText('after', help.ticketsHelp);
  tickets
    .command('start')
    .description('start resolving a ticket from a JSON file (ticketId, accountId, channel, message, locale?)')
    .requiredOption('-f, --file <path>', 'the ticket as JSON, or - for stdin')
    .action(run((options: { file: string }) => startTicket(ctx, options)));
  tickets
    .command('show')
    .description("a ticket's stage, route and draft; its result once complete")
    .argument('<ticketId>')
    .option('--json', 'print it as JSON (the default: the API answer is already structured)')
    .action(run((ticketId: string) => showTicket(ctx, ticketId)));

  const fraud = program.command('fraud').description('fraud detection').addHelpText('after', help.fraudHelp);
  fraud
    .command('sweep')
    .description('start the daily fraud sweep now (for a past day with --date)')
    .option('--date <YYYY-MM-DD>', 'the day to sweep (default: today, UTC)')
    .action(run((options: { date?: string }) => startFraudSweep(ctx, options)));

  const reports = program.command('reports').description('compliance reports').addHelpText('after', help.reportsHelp);
  reports
    .command('acma')
    .description("fetch a month's ACMA data-breach report (JSON by default)")
    .argument('<month>', 'YYYY-MM')
    .option('--json', 'the report as JSON (the default)')
    .option('--csv', 'the CSV as filed instead of JSON')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--check', 'exit 7 unless the verdict is PASS')
    .addHelpText('after', help.reportsHelp)
    .action(
      run((month: string, options: { json?: boolean; csv?: boolean; out?: string; check?: boolean }) =>
        fetchAcmaReport(ctx, month, options),
      ),
    );

  reports
    .command('run-acma')
    .description("run a month's ACMA report now (the API starts it); --as-of reproduces it as of a past date")
    .argument('<month>', 'YYYY-MM')
    .option('--as-of <YYYY-MM-DD>', 'the date PENDING and due dates are measured from (default: today in Sydney)')
    .addHelpText('after', help.reportsHelp)
    .action(run((month: string, options: { asOf?: string }) => runAcmaReport(ctx, month, options)));

  const audit = program
    .command('audit')
    .description('the tamper-evident audit chain')
    .addHelpText('after', help.auditHelp);
  audit
    .command('verify')
    .description('verify the audit chain end to end')
    .option('--json', "print the API's verification result as JSON")
    .addHelpText('after', help.auditHelp)
    .action(run((options: { json?: boolean }) => verifyAudit(ctx, options)));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its message (or the help); only its exit code needs translating.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return reportError(io, error);
  }
}
