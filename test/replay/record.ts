import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TicketPolicyInput } from '../../domain/ticket';
import { agentDecisionSignal, customerReplySignal, statusQuery } from '../../workflows/ticket/messages';
import { reviewSignal, reviewStatusQuery } from '../../workflows/compliance/messages';
import { approveSignal, pendingApprovalQuery, rejectSignal } from '../../workflows/fault/messages';
import { temporalHarness, waitFor, type TemporalHarness } from '../support/temporal';
import { faultKeyring, faultStubs, type FaultStubOptions } from '../workflows/fault-stubs';
import { signReview } from '../workflows/ticket-signing';
import { TestKeyring } from '../support/decision-keys';
import { contentSubject } from '../../activities/decisions/signing';
import { runScript, scriptCommand } from '../../client/cli/script-args';

const reviewerKeyring = new TestKeyring();
import { classification, draft, fakeCall, stubActivities, type StubOptions } from '../workflows/stub-activities';

export interface RecordOptions {
  /** Appended to each history's file name; empty records over the committed files. */
  suffix: string;
  /** Record only the compliance workflow's histories. */
  complianceOnly: boolean;
  /** Record only these ticket scenarios (and no fault or compliance histories); every one when absent. */
  scenarios?: string[];
}

/**
 * `npm run replay:record` (with TEMPORAL_ADDRESS and WORKFLOW_BUNDLE_PATH of a running stack): runs each scenario on
 * the current workflow code and saves its history. Commit the files when a workflow change is meant to be
 * incompatible; otherwise the replay test proves the change is safe for workflows already running.
 * `-- --suffix=-audit` records beside the existing files instead of over them, so older histories stay as evidence.
 */
export async function parseRecordOptions(argv: string[]): Promise<RecordOptions> {
  const { program, Option, values } = await scriptCommand(
    'npm run replay:record --',
    'Run each replay scenario on the current workflow code and save its history under test/replay/histories',
  );
  program
    .addOption(
      new Option('--suffix <text>', 'recorded beside the existing files, e.g. --suffix=-audit, instead of over them')
        // Part of a file name in histories/, never a path out of it.
        .argParser(values.matching(z.string().regex(/^[\w.-]*$/, 'letters, digits, . _ and - only')))
        .default(''),
    )
    .option('--compliance-only', "record only the compliance workflow's histories", false)
    .addOption(
      new Option('--scenarios <names>', 'record only these ticket scenarios, comma-separated, e.g. send,clarify')
        // Names from the table below, so a typo is refused rather than recording nothing.
        .argParser(
          values.matching(
            z
              .string()
              .transform((list) => list.split(',').map((name) => name.trim()))
              .pipe(z.array(z.enum(Object.keys(scenarios) as [string, ...string[]]))),
          ),
        ),
    );
  return program.parse(argv, { from: 'user' }).opts<RecordOptions>();
}

/** Where a history is saved: beside the committed ones, or over them when the suffix is empty. */
const historyFile = (name: string, suffix: string) => join(__dirname, 'histories', `${name}${suffix}.json`);
const policy: TicketPolicyInput = {
  sendThreshold: 0.85,
  reviewThreshold: 0.6,
  reviewDeadlineMs: 1_000,
  clarificationTimeoutMs: 60_000,
  maxClarifications: 1,
  knowledgeTopK: 4,
};

type Interaction = (
  signal: (name: 'agent' | 'customer', value: object) => Promise<void>,
  stage: () => Promise<string>,
  sign: (decision: 'approve' | 'reject', agentId: string) => Promise<object>,
) => Promise<void>;

const untilStage = (stage: () => Promise<string>, wanted: string) =>
  waitFor(async () => ((await stage()) === wanted ? true : undefined), wanted);

const scenarios: Record<string, { stubs: StubOptions; interact?: Interaction }> = {
  send: { stubs: {} },
  'review-approve': {
    stubs: { draft: () => draft({ confidence: 0.7 }) },
    interact: async (signal, stage, sign) => {
      await untilStage(stage, 'awaiting_agent');
      await signal('agent', await sign('approve', 'agent-1'));
    },
  },
  'review-deadline': { stubs: { draft: () => draft({ confidence: 0.7 }) } },
  escalate: { stubs: { classify: () => ({ classification: classification({ confidence: 0.3 }) }) } },
  'guardrail-reject': {
    stubs: { findings: [{ code: 'credit_exceeds_policy', severity: 'error', detail: '$500 credit' }] },
    interact: async (signal, stage, sign) => {
      await untilStage(stage, 'awaiting_agent');
      await signal('agent', await sign('reject', 'agent-sec'));
    },
  },
  clarify: {
    stubs: {
      classify: (_c, call) =>
        call === 1
          ? {
              classification: classification({ intent: 'unclear_issue', needsClarification: true }),
              clarifyingQuestion: 'What?',
            }
          : {},
    },
    interact: async (signal, stage) => {
      await untilStage(stage, 'awaiting_customer');
      await signal('customer', { message: 'The app will not let me log in.' });
    },
  },
};

const faultPolicy = { reminderIntervalMs: 60_000, tierDeadlineMs: 120_000, finalDeadlineMs: 300_000, settleMs: 0 };
const faultScenarios: Record<string, { stubs: FaultStubOptions; verdict?: 'approve' | 'reject' }> = {
  auto: { stubs: { action: 'drain_traffic' } },
  approve: { stubs: {}, verdict: 'approve' },
  reject: { stubs: {}, verdict: 'reject' },
};

async function recordFaults(harness: TemporalHarness, suffix: string): Promise<void> {
  for (const [name, scenario] of Object.entries(faultScenarios)) {
    const { activities } = faultStubs(scenario.stubs);
    const worker = await harness.worker(activities);
    const history = await worker.runUntil(async () => {
      const alert = {
        alertId: `R-${name}`,
        deviceId: 'RTR-SYD-02',
        alertType: 'bgp_flapping',
        summary: 'BGP flapping',
        severity: 'major',
        detectedAt: new Date().toISOString(),
      };
      const handle = await harness.client.workflow.start('diagnoseFault', {
        taskQueue: harness.taskQueue,
        workflowId: `replay-fault-${name}-${Date.now()}`,
        args: [{ alert, policy: faultPolicy }],
      });
      if (scenario.verdict) {
        await waitFor(async () => ((await handle.query(pendingApprovalQuery)).waiting ? true : undefined), 'wait');
        const signal = scenario.verdict === 'approve' ? approveSignal : rejectSignal;
        const pending = await handle.query(pendingApprovalQuery);
        const signed = faultKeyring.sign({
          kind: 'fault',
          workflowId: handle.workflowId,
          runId: pending.runId,
          subject: pending.subject!,
          decision: scenario.verdict,
          reason: 'recorded',
          identity: 'eng.alice',
        });
        await handle.signal(signal, signed);
      }
      await handle.result();
      return handle.fetchHistory();
    });
    writeFileSync(historyFile(`diagnoseFault-${name}`, suffix), historyToJSON(history));
    console.log(`recorded fault ${name}`);
  }
}

function complianceStubs(mismatch: boolean) {
  const facts = {
    incidentId: 'INC-2025-001',
    date: '2025-01-15',
    type: 'data_breach',
    customersAffected: mismatch ? 5000 : 500,
    dateReported: '2025-01-18',
  };
  const mismatches = mismatch
    ? [{ incidentId: 'INC-2025-001', field: 'customersAffected', extracted: '5000', problem: 'not in the record' }]
    : [];
  return {
    ...reviewerKeyring.activity(),
    recordDecision: async () => ({ recorded: true }),
    loadIncidents: async () => ({ incidentIds: ['INC-2025-001'] }),
    extractIncidentFacts: async () => ({ facts, mismatches, call: fakeCall('extract_incident') }),
    openComplianceReview: async () => ({ opened: mismatches.length }),
    resolveComplianceReview: async () => ({ resolved: mismatches.length }),
    storeComplianceReport: async () => ({ version: 1, path: 'reports/acma/x/v1.csv' }),
  };
}

async function recordCompliance(harness: TemporalHarness, suffix: string): Promise<void> {
  for (const [name, mismatch] of [
    ['pass', false],
    ['review', true],
  ] as const) {
    const worker = await harness.worker(complianceStubs(mismatch));
    const history = await worker.runUntil(async () => {
      const handle = await harness.client.workflow.start('monthlyComplianceReport', {
        taskQueue: harness.taskQueue,
        workflowId: `replay-acma-${name}-${Date.now()}`,
        args: [{ period: { start: '2025-01-01', end: '2025-01-31' } }],
      });
      if (mismatch) {
        await waitFor(
          async () => ((await handle.query(reviewStatusQuery)).waitingForReview ? true : undefined),
          'review',
        );
        const corrections = [{ incidentId: 'INC-2025-001', field: 'customersAffected', value: '500' }];
        const { runId } = await handle.query(reviewStatusQuery);
        const signed = reviewerKeyring.sign({
          kind: 'acma_review',
          workflowId: handle.workflowId,
          runId,
          subject: contentSubject(corrections),
          decision: 'confirm',
          reason: 'recorded',
          identity: 'auditor.kim',
          payload: { corrections },
        });
        await handle.signal(reviewSignal, signed);
      }
      await handle.result();
      return handle.fetchHistory();
    });
    writeFileSync(historyFile(`monthlyComplianceReport-${name}`, suffix), historyToJSON(history));
    console.log(`recorded compliance ${name}`);
  }
}

async function main(): Promise<void> {
  const options = await parseRecordOptions(process.argv.slice(2));
  const harness = await temporalHarness();
  if (options.complianceOnly) {
    await recordCompliance(harness, options.suffix);
    await harness.close();
    return;
  }
  if (!options.scenarios) {
    await recordCompliance(harness, options.suffix);
    await recordFaults(harness, options.suffix);
  }
  const wanted = Object.entries(scenarios).filter(([name]) => !options.scenarios || options.scenarios.includes(name));
  for (const [name, scenario] of wanted) {
    const { activities } = stubActivities(scenario.stubs);
    const worker = await harness.worker(activities);
    const history = await worker.runUntil(async () => {
      const handle = await harness.client.workflow.start('resolveTicket', {
        taskQueue: harness.taskQueue,
        workflowId: `replay-${name}-${Date.now()}`,
        args: [
          { ticket: { ticketId: `R-${name}`, accountId: 'ACC-1002', channel: 'chat', message: 'Why $45?' }, policy },
        ],
      });
      await scenario.interact?.(
        (kind, value) =>
          kind === 'agent'
            ? handle.signal(agentDecisionSignal, value as never)
            : handle.signal(customerReplySignal, value as never),
        async () => (await handle.query(statusQuery)).stage,
        (decision, agentId) => signReview(harness.client, handle.workflowId, decision, agentId),
      );
      await handle.result();
      return handle.fetchHistory();
    });
    writeFileSync(historyFile(`resolveTicket-${name}`, options.suffix), historyToJSON(history));
    console.log(`recorded ${name}`);
  }
  await harness.close();
}

if (require.main === module) runScript(main, { stack: true });
