import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TicketActivities } from '../../activities/ticket';
import type { ClassifyResult } from '../../activities/ticket';
import { checkPrivacy } from '../../activities/guardrails/privacy';
import type { AccountContext } from '../../domain/account';
import { ErrorTypes } from '../../domain/errors';
import type { ModelCallRecord } from '../../domain/model-call';
import type { Classification, Draft, Finding, TicketInput, TicketPolicyInput } from '../../domain/ticket';
import { TestKeyring } from '../support/decision-keys';
import type { TemporalHarness } from '../support/temporal';

export const fakeCall = (task: string): ModelCallRecord => ({
  task,
  provider: 'stub',
  modelId: 'stub-model',
  promptId: `ticket/${task}`,
  promptVersion: 'abc123def456',
  requestId: `req-${task}`,
  usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 },
  costUsd: 0.0002,
  latencyMs: 5,
  stopReason: 'tool_use',
  repaired: false,
});

export const classification = (overrides: Partial<Classification> = {}): Classification => ({
  intent: 'roaming_charge_query',
  secondaryIntent: null,
  department: 'BILLING',
  confidence: 0.95,
  reason: 'stub',
  needsClarification: false,
  ...overrides,
});

export const draft = (overrides: Partial<Draft> = {}): Draft => ({
  reply: 'Your roaming charge is explained in your plan terms.',
  confidence: 0.95,
  escalationRequired: false,
  citedPassageIds: ['KB-001'],
  proposedActions: [],
  ...overrides,
});

/** The thresholds and deadlines the ticket tests run with: waits last far beyond a test unless a test shortens them. */
const ticketPolicy: TicketPolicyInput = {
  sendThreshold: 0.85,
  reviewThreshold: 0.6,
  reviewDeadlineMs: 60_000,
  clarificationTimeoutMs: 60_000,
  maxClarifications: 1,
  knowledgeTopK: 4,
};

/** A chat ticket from the seeded roaming customer, under a fresh id made from `prefix`. */
export const ticketInput = (prefix: string, message: string): TicketInput => ({
  ticketId: `${prefix}-${randomUUID().slice(0, 8)}`,
  accountId: 'ACC-1002',
  channel: 'chat',
  message,
});

/** Starts the ticket workflow for `input` under the id the client gives it, with the test policy and `overrides`. */
export const startResolveTicket = (
  harness: Pick<TemporalHarness, 'client' | 'taskQueue'>,
  input: TicketInput,
  overrides: Partial<TicketPolicyInput> = {},
) =>
  harness.client.workflow.start('resolveTicket', {
    taskQueue: harness.taskQueue,
    workflowId: `ticket-${input.ticketId}`,
    args: [{ ticket: input, policy: { ...ticketPolicy, ...overrides } }],
  });

export interface StubOptions {
  classify?: (conversation: string[], call: number) => Partial<ClassifyResult> & { classification?: Classification };
  draft?: () => Draft | Promise<Draft>;
  findings?: Finding[];
  draftDelayMs?: number;
  draftInvalid?: boolean;
}

export interface StubRecorder {
  sent: Array<{ kind: string; body: string; author: string; idempotencyKey: string }>;
  handoffs: Array<{ kind: string; reasons: string[] }>;
  resolved: string[];
  conversations: string[][];
  /** Every text the guardrails were asked about: drafts, then any agent edit. */
  validated: string[];
  audit: Array<{ action: string; actor: string; details: Record<string, unknown> }>;
}

/** Agents' keys, registered in memory; the stubbed worker verifies their decisions with the real verifier. */
export const ticketKeyring = new TestKeyring();

/** The customer the stubbed tickets are about: the privacy guardrail treats any other contact as someone else's. */
const customer = {
  accountId: 'ACC-1002',
  customerRef: 'CUST-1002',
  contact: { email: 'pat@example.com', phone: '0412 345 678' },
} as AccountContext;

type RecordDecision = (input: {
  action: string;
  actor: string;
  details?: Record<string, unknown>;
}) => Promise<{ recorded: boolean }>;

/** Activities with scripted answers: workflow tests exercise orchestration only. */
export function stubActivities(options: StubOptions = {}) {
  const recorder: StubRecorder = { sent: [], handoffs: [], resolved: [], conversations: [], validated: [], audit: [] };
  const activities: TicketActivities & ReturnType<TestKeyring['activity']> & { recordDecision: RecordDecision } = {
    ...ticketKeyring.activity(),
    async recordDecision(input) {
      recorder.audit.push({ action: input.action, actor: input.actor, details: input.details ?? {} });
      return { recorded: true };
    },
    async loadAccountContext() {
      return { contextRef: 'ctx-1', accountRef: 'ACC-1', planName: 'Travel Buddy', tenureMonths: 12, status: 'active' };
    },
    async classifyIntent({ conversation }) {
      recorder.conversations.push(conversation);
      const scripted = options.classify?.(conversation, recorder.conversations.length) ?? {};
      return {
        classification: scripted.classification ?? classification(),
        stakes: scripted.stakes ?? 'normal',
        clarifyingQuestion: scripted.clarifyingQuestion ?? null,
        call: fakeCall('classify_intent'),
      };
    },
    async retrieveKnowledge() {
      return { passages: [{ id: 'KB-001', score: 0.4 }] };
    },
    async draftReply() {
      if (options.draftDelayMs) await new Promise((resolve) => setTimeout(resolve, options.draftDelayMs));
      if (options.draftInvalid) {
        throw ApplicationFailure.create({ type: ErrorTypes.ModelOutputInvalid, message: 'bad', nonRetryable: true });
      }
      return { draft: (await options.draft?.()) ?? draft(), call: fakeCall('draft_reply') };
    },
    async validateReply({ reply, conversation }) {
      recorder.validated.push(reply);
      // The scripted findings, and the real privacy check: what stops an agent's edit from leaking data.
      const privacy = checkPrivacy({
        reply,
        conversation,
        passages: [],
        account: customer,
        proposedActions: [],
        creditPolicy: [],
      });
      const findings = [...(options.findings ?? []), ...privacy];
      return { findings, valid: !findings.some((finding) => finding.severity === 'error') };
    },
    async sendMessage(message) {
      recorder.sent.push(message);
      return { outboxId: String(recorder.sent.length), duplicate: false };
    },
    async openHandoff(handoff) {
      recorder.handoffs.push({ kind: handoff.kind, reasons: handoff.reasons });
      return { handoffId: String(recorder.handoffs.length) };
    },
    async resolveHandoff({ resolvedBy }) {
      recorder.resolved.push(resolvedBy);
      return { resolved: true };
    },
  };
  return { activities, recorder };
}
