import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  connectClient,
  createComplianceClient,
  createFaultClient,
  createTicketClient,
  faultPolicyFromConfig,
  ticketPolicyFromConfig,
} from '../client';
import { renderFaultReport } from './demo/fault-report';
import { ensureDemoPeople } from './demo/keys';
import { runSeededReport } from './demo/run-report';
import { runFaultScenarios } from './demo/run-faults';
import { runDemoTicket } from './demo/run-tickets';
import { renderTable } from './demo/table';
import { demoTickets } from './demo/tickets';
import { startModelEmulatorIfNeeded } from './demo/model-emulator';
import { startDevSession } from './stack/with-worker';
import { stackDir } from './stack/index';
import { join } from 'node:path';

/** `make demo`: bring up the dev stack and a worker, run the source documents' examples, keep serving. */
async function main(): Promise<void> {
  const once = process.argv.includes('--once');
  // The demo's output is the table; the SDK's start-up chatter would bury it.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const emulator = await startModelEmulatorIfNeeded();
  if (emulator.description) console.log(`[demo] ${emulator.description}`);
  Object.assign(process.env, emulator.env);
  const { stack, config, worker } = await startDevSession();
  // Every human decision is signed: the demo's people get keys, registered as an administrator would.
  const people = await ensureDemoPeople(stack.info.databaseUrl, join(stackDir('dev'), 'keys'));
  const connection = await connectClient(config);
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
  const cli = stack.info.temporalCli.split(' (')[0] ?? 'temporal';
  console.log(renderFaultReport(faultRows, stack.info.temporalAddress, cli, people.oncall));

  console.log('\nMonthly ACMA data-breach report for the seeded month\n');
  const compliance = createComplianceClient({ client: connection.client, taskQueue: config.TEMPORAL_TASK_QUEUE });
  const { report, reviewed } = await runSeededReport(compliance, people.reviewer);
  for (const line of reviewed) console.log(`  reviewed by ${people.reviewer.identity} (signed): ${line}`);
  console.log(`\n${report.csv}\n${report.summary}\n(stored as version ${report.version}: ${report.path})`);

  const ui = stack.info.temporalUiUrl;
  if (ui) {
    console.log('\nOpen each workflow in the Temporal Web UI:');
    for (const { workflowId } of [...outcomes, ...faultRows])
      console.log(`  ${ui}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows/${workflowId}`);
  }

  const shutdown = async () => {
    await connection.close();
    if (worker.worker.getState() === 'RUNNING') worker.worker.shutdown();
    await worker.done;
    await stack.stop();
    await emulator.close();
  };
  if (once) return shutdown();
  console.log('\nThe stack and worker stay up; press Ctrl-C to stop.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await shutdown();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
