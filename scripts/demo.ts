import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  connectClient,
  createComplianceClient,
  createFaultClient,
  createTicketClient,
  faultPolicyFromConfig,
  ticketPolicyFromConfig,
} from '../client';
import { runScript, scriptCommand } from '../client/cli/script-args';
import { ensureDemoApiKeys } from './demo/api-keys';
import { renderAuditorGuide } from './demo/auditor-guide';
import { renderFaultReport } from './demo/fault-report';
import { ensureDemoPeople } from './demo/keys';
import { runSeededReport } from './demo/run-report';
import { runFaultScenarios } from './demo/run-faults';
import { runDemoTicket } from './demo/run-tickets';
import { renderTable } from './demo/table';
import { demoTickets } from './demo/tickets';
import { startModelEmulatorIfNeeded } from '../tooling/emulators/model-emulator';
import { startDemoServices } from './demo/services';
import { startDevSession } from '../tooling/stack/with-worker';
import { stackDir } from '../tooling/stack/index';
import { join } from 'node:path';

export interface DemoOptions {
  /** Stop everything once the examples have run, instead of serving until Ctrl-C. */
  once: boolean;
}

/** `make demo [ARGS=--once]`, or `npm run demo -- [--once]` */
export async function parseDemoOptions(argv: string[]): Promise<DemoOptions> {
  const { program } = await scriptCommand(
    'npm run demo --',
    "Bring up the dev stack, a worker, the API and the codec server; run the source documents' examples as tickets, " +
      'faults and a compliance report; print what an on-call engineer and an auditor run against it; keep serving',
  );
  program.option('--once', 'exit when the examples are done instead of serving until Ctrl-C', false);
  return program.parse(argv, { from: 'user' }).opts<DemoOptions>();
}

/**
 * `make demo`: bring up the dev stack, a worker, the API and the codec server, run the source documents' examples,
 * print what an on-call engineer and an auditor run against it, and keep serving.
 */
async function main(): Promise<void> {
  const { once } = await parseDemoOptions(process.argv.slice(2));
  // The demo's output is the table; the SDK's start-up chatter would bury it.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const emulator = await startModelEmulatorIfNeeded();
  if (emulator.description) console.log(`[demo] ${emulator.description}`);
  Object.assign(process.env, emulator.env);
  const { stack, config, worker } = await startDevSession();
  // Every human decision is signed: the demo's people get keys, registered as an administrator would.
  const keysDir = join(stackDir('dev'), 'keys');
  const people = await ensureDemoPeople(stack.info.databaseUrl, keysDir);
  // API keys for the people who reach the demo through the CLI and the codec server, as an operator would mint them.
  const apiKeys = await ensureDemoApiKeys(stack.info.databaseUrl, keysDir, {
    oncall: people.oncall.identity,
    auditor: 'demo-auditor',
  });
  const connection = await connectClient(config);
  const services = await startDemoServices(stack.info, config, connection.client);
  console.log(`[demo] API on ${services.apiUrl}; codec server ${services.codecUrl ?? 'off (PAYLOAD_ENCRYPTION=off)'}`);
  const tickets = createTicketClient({
    client: connection.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    policy: ticketPolicyFromConfig(config),
  });

  const runId = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const engine = config.MODEL_PROVIDER === 'offline' ? 'offline engine, not an LLM' : config.MODEL_PROVIDER;
  console.log(`\nRunning ${demoTickets.length} demo tickets (model: ${engine})\n`);
  const outcomes = await Promise.all(
    demoTickets.map((demo, i) => runDemoTicket(tickets, demo, `DEMO-${runId}-${i + 1}`, people.agent)),
  );

  const rows = outcomes.map(({ demo, ticketId, result, latencyMs }) => [
    ticketId,
    demo.label,
    result.secondaryIntent ? `${result.intent}+${result.secondaryIntent}` : result.intent,
    Math.min(result.confidence, result.replyConfidence ?? 1).toFixed(2),
    [result.clarifications ? 'clarify' : null, result.route].filter(Boolean).join(' > '),
    result.outcome,
    result.findings.map((finding) => finding.code).join(',') || '-',
    `${Math.round(latencyMs)} ms`,
    `$${result.modelCalls.reduce((sum, call) => sum + call.costUsd, 0).toFixed(6)}`,
  ]);
  const headers = ['ticket', 'example', 'intent', 'conf', 'route', 'outcome', 'guardrail findings', 'latency', 'cost'];
  console.log(renderTable(headers, rows));

  console.log('\nRaising the seeded network fault scenarios\n');
  const faults = createFaultClient({
    client: connection.client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    policy: faultPolicyFromConfig(config),
  });
  const faultRows = await runFaultScenarios(connection.client, faults);
  const temporalCli = stack.info.temporalCli.startsWith('external')
    ? 'temporal'
    : stack.info.temporalCli.split(' (')[0]!;
  const temporalAddress = stack.info.temporalAddress;
  console.log(
    renderFaultReport(faultRows, {
      identity: people.oncall.identity,
      apiUrl: services.apiUrl,
      apiKeyPath: apiKeys.oncall.path,
      signingKeyPath: people.oncall.path,
      temporalAddress,
      temporalCli,
    }),
  );

  console.log('\nMonthly ACMA data-breach report for the seeded month\n');
  const compliance = createComplianceClient({ client: connection.client, taskQueue: config.TEMPORAL_TASK_QUEUE });
  const { report, reviewed } = await runSeededReport(compliance, people.reviewer);
  for (const line of reviewed) console.log(`  reviewed by ${people.reviewer.identity} (signed): ${line}`);
  console.log(`\n${report.csv}\n${report.summary}\n(stored as version ${report.version}: ${report.path})`);

  const auditorGuide = renderAuditorGuide(
    {
      identity: apiKeys.auditor.identity,
      apiKeyPath: apiKeys.auditor.path,
      codecUrl: services.codecUrl,
      uiUrl: stack.info.temporalUiUrl,
      temporalAddress,
      temporalCli,
      namespace: config.TEMPORAL_NAMESPACE,
    },
    [...outcomes, ...faultRows].map((row) => row.workflowId),
    faultRows.find((row) => !row.result && row.pending?.waiting)?.workflowId,
  );
  if (auditorGuide) console.log(`\n${auditorGuide}`);

  const shutdown = async () => {
    await services.close();
    await connection.close();
    if (worker.worker.getState() === 'RUNNING') worker.worker.shutdown();
    await worker.done;
    await stack.stop();
    await emulator.close();
  };
  if (once) return shutdown();
  console.log('\nThe stack, worker, API and codec server stay up; press Ctrl-C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await shutdown();
}

// The SDK's runtime outlives the shutdown: the demo exits once its work is done rather than wait on it.
if (require.main === module) runScript(main, { stack: true, exitWhenDone: true });
