import type { Worker } from '@temporalio/worker';
import { searchAttributes as sa } from '../../domain/search-attributes';
import type { TicketPolicyInput, TicketResult } from '../../domain/ticket';
import { statusQuery, agentDecisionSignal, customerReplySignal } from '../../workflows/ticket/messages';
import { temporalHarnessForFile, waitFor } from '../support/temporal';
import {
  classification,
  draft,
  startResolveTicket,
  stubActivities,
  ticketInput,
  type StubOptions,
} from './stub-activities';
import { signalReview, signReview } from './ticket-signing';

const harness = temporalHarnessForFile();

const ticket = () => ticketInput('T', 'Why was I charged $45 for roaming in Thailand?');

async function run(
  options: StubOptions,
  interact: (workflowId: string) => Promise<void> = async () => {},
  overrides: Partial<TicketPolicyInput> = {},
) {
  const { activities, recorder } = stubActivities(options);
  const worker: Worker = await harness.worker(activities);
  const input = ticket();
  const result = await worker.runUntil(async () => {
    const handle = await startResolveTicket(harness, input, overrides);
    await interact(handle.workflowId);
    return (await handle.result()) as TicketResult;
  });
  return { result, recorder };
}

const stageOf = (workflowId: string) => harness.client.workflow.getHandle(workflowId).query(statusQuery);
const reachStage = (workflowId: string, stage: string) =>
  waitFor(async () => ((await stageOf(workflowId)).stage === stage ? true : undefined), `stage ${stage}`);

describe('resolveTicket routes', () => {
  it('sends a confident, valid reply exactly once', async () => {
    const { result, recorder } = await run({});
    expect(result.route).toBe('send');
    expect(result.outcome).toBe('replied');
    expect(recorder.sent).toHaveLength(1);
    expect(recorder.sent[0]).toMatchObject({ kind: 'reply', author: 'switchboard' });
    expect(result.modelCalls.map((call) => call.task)).toEqual(['classify_intent', 'draft_reply']);
    expect(recorder.handoffs).toEqual([]);
  });

  it('puts a medium-confidence reply in front of an agent, who approves it', async () => {
    const { result, recorder } = await run({ draft: () => draft({ confidence: 0.7 }) }, async (id) => {
      await reachStage(id, 'awaiting_agent');
      await signalReview(harness.client, id, await signReview(harness.client, id, 'approve', 'agent-7'));
    });
    expect(result.route).toBe('review');
    expect(result.outcome).toBe('agent_replied');
    expect(result.agent).toEqual({ agentId: 'agent-7', decision: 'approve' });
    expect(recorder.sent.map((m) => m.author)).toEqual(['agent:agent-7']);
    expect(recorder.handoffs.map((h) => h.kind)).toEqual(['review']);
    expect(recorder.resolved).toEqual(['agent-7']);
  });

  it("sends the agent's edit instead of the draft", async () => {
    const { result, recorder } = await run({ draft: () => draft({ confidence: 0.7 }) }, async (id) => {
      await reachStage(id, 'awaiting_agent');
      const editedReply = 'Edited by a person.';
      await signalReview(harness.client, id, await signReview(harness.client, id, 'edit', 'agent-2', { editedReply }));
    });
    expect(result.reply).toBe('Edited by a person.');
    expect(recorder.sent.map((m) => [m.body, m.author])).toEqual([['Edited by a person.', 'agent:agent-2']]);
    // The edit went through the guardrails like a draft, and the audit trail says so with ids and codes only.
    expect(recorder.validated).toEqual([draft({ confidence: 0.7 }).reply, 'Edited by a person.']);
    expect(result.agent).toEqual({ agentId: 'agent-2', decision: 'edit', editFindings: [] });
    expect(recorder.audit).toEqual([
      {
        action: 'ticket.agent_edit_checked',
        actor: 'agent:agent-2',
        details: { ticketId: result.ticketId, errors: null, warnings: null },
      },
    ]);
  });

  it('escalates when the agent rejects the draft', async () => {
    const { result, recorder } = await run({ draft: () => draft({ confidence: 0.7 }) }, async (id) => {
      await reachStage(id, 'awaiting_agent');
      await signalReview(harness.client, id, await signReview(harness.client, id, 'reject', 'agent-3'));
    });
    expect(result.outcome).toBe('escalated');
    expect(recorder.sent).toEqual([]);
    expect(recorder.handoffs.map((h) => h.kind)).toEqual(['review', 'escalation']);
  });

  it('escalates low confidence without drafting a send', async () => {
    const { result, recorder } = await run({
      classify: () => ({ classification: classification({ confidence: 0.4 }) }),
    });
    expect(result.route).toBe('escalate');
    expect(result.outcome).toBe('escalated');
    expect(recorder.sent).toEqual([]);
    expect(recorder.handoffs.map((h) => h.kind)).toEqual(['escalation']);
  });

  it('always sends high-stakes intents to a human, however confident the model is', async () => {
    const { result } = await run({
      classify: () => ({
        classification: classification({ intent: 'report_fraud', confidence: 0.99 }),
        stakes: 'high',
      }),
      draft: () => draft({ confidence: 0.99 }),
    });
    expect(result.route).toBe('escalate');
    expect(result.routeReasons.join(' ')).toMatch(/high-stakes/);
  });

  it('reviews a confident reply that failed the guardrails', async () => {
    const findings = [{ code: 'credit_exceeds_policy', severity: 'error' as const, detail: '$500 credit' }];
    const { result, recorder } = await run({ findings }, async (id) => {
      await reachStage(id, 'awaiting_agent');
      await signalReview(harness.client, id, await signReview(harness.client, id, 'reject', 'agent-1'));
    });
    expect(result.route).toBe('review');
    expect(result.findings).toEqual(findings);
    expect(recorder.sent).toEqual([]);
    // What auditors search by: tickets escalated after a failed guardrail, with the agent who decided.
    const attributes = (await harness.client.workflow.getHandle(`ticket-${result.ticketId}`).describe())
      .typedSearchAttributes;
    expect(attributes.get(sa.Guardrails)).toEqual(['credit_exceeds_policy']);
    expect(attributes.get(sa.Route)).toBe('escalate');
    expect([attributes.get(sa.Decision), attributes.get(sa.Approver)]).toEqual(['reject', 'agent-1']);
  });

  it('escalates when the model cannot produce a valid draft', async () => {
    const { result, recorder } = await run({ draftInvalid: true });
    expect(result.outcome).toBe('escalated');
    expect(result.routeReasons.join(' ')).toMatch(/no usable draft: model output invalid/);
    expect(recorder.sent).toEqual([]);
  });
});

describe('resolveTicket waits', () => {
  it('escalates when the review deadline passes with no decision', async () => {
    const { result, recorder } = await run({ draft: () => draft({ confidence: 0.7 }) }, undefined, {
      reviewDeadlineMs: 1_500,
    });
    expect(result.route).toBe('review');
    expect(result.outcome).toBe('escalated');
    expect(result.routeReasons.join(' ')).toMatch(/deadline/);
    expect(recorder.handoffs.map((h) => h.kind)).toEqual(['review', 'escalation']);
    const attributes = (await harness.client.workflow.getHandle(`ticket-${result.ticketId}`).describe())
      .typedSearchAttributes;
    expect([attributes.get(sa.Decision), attributes.get(sa.Route)]).toEqual(['expired', 'escalate']);
  });

  it('keeps an agent decision that arrives before the workflow reaches the wait', async () => {
    const { activities, recorder } = stubActivities({ draft: () => draft({ confidence: 0.7 }), draftDelayMs: 1_000 });
    const worker = await harness.worker(activities);
    const input = ticket();
    let stageWhenSent = '';
    const result = await worker.runUntil(async () => {
      const handle = await startResolveTicket(harness, input);
      // Sent while the draft is still being written: it is checked against the draft the review then holds.
      const signed = await signReview(harness.client, handle.workflowId, 'approve', 'agent-early', {
        runId: handle.firstExecutionRunId,
        draftText: draft({ confidence: 0.7 }).reply,
      });
      await handle.signal(agentDecisionSignal, signed);
      stageWhenSent = (await handle.query(statusQuery)).stage;
      return (await handle.result()) as TicketResult;
    });
    expect(['received', 'loading_context', 'classifying', 'retrieving', 'drafting']).toContain(stageWhenSent);
    expect(result.outcome).toBe('agent_replied');
    expect(recorder.sent.map((m) => m.author)).toEqual(['agent:agent-early']);
  });

  it('asks one clarifying question and carries on with the whole conversation', async () => {
    const { result, recorder } = await run(
      {
        classify: (_conversation, call) =>
          call === 1
            ? {
                classification: classification({ intent: 'unclear_issue', confidence: 0.5, needsClarification: true }),
                clarifyingQuestion: 'What is not working?',
              }
            : { classification: classification({ intent: 'account_access', department: 'ACCOUNT' }) },
      },
      async (id) => {
        await reachStage(id, 'awaiting_customer');
        const status = await stageOf(id);
        expect(status.pendingQuestion).toBe('What is not working?');
        await harness.client.workflow.getHandle(id).signal(customerReplySignal, { message: 'I cannot log in.' });
      },
    );
    expect(recorder.sent.map((m) => m.kind)).toEqual(['clarification', 'reply']);
    expect(recorder.conversations[1]).toEqual(['Why was I charged $45 for roaming in Thailand?', 'I cannot log in.']);
    expect(result.clarifications).toBe(1);
    expect(result.intent).toBe('account_access');
    expect(result.outcome).toBe('replied');
  });

  it('escalates when the customer never answers the clarifying question', async () => {
    const { result } = await run(
      {
        classify: () => ({
          classification: classification({ intent: 'unclear_issue', needsClarification: true }),
          clarifyingQuestion: 'What is not working?',
        }),
      },
      undefined,
      { clarificationTimeoutMs: 1_000 },
    );
    expect(result.outcome).toBe('escalated');
    expect(result.routeReasons.join(' ')).toMatch(/did not answer/);
  });
});
