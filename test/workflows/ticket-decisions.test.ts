import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import { signStatement } from '../../activities/decisions/signing';
import { searchAttributes as sa } from '../../domain/search-attributes';
import type { TicketPolicyInput, TicketResult } from '../../domain/ticket';
import { statusQuery } from '../../workflows/ticket/messages';
import { temporalHarnessForFile, waitFor } from '../support/temporal';
import {
  draft,
  startResolveTicket,
  stubActivities,
  ticketInput,
  ticketKeyring,
  type StubOptions,
} from './stub-activities';
import { reviewByUpdate, signalReview, signReview } from './ticket-signing';

const review: StubOptions = { draft: () => draft({ confidence: 0.7 }) };

const harness = temporalHarnessForFile();

const ticket = () => ticketInput('TD', 'Can I get a discount on my plan?');

/** Starts tickets on a stubbed worker, lets `interact` play the agents once each waits for review, and returns. */
async function run(
  interact: (ids: string[]) => Promise<void>,
  {
    tickets = 1,
    options = review,
    overrides = {},
  }: { tickets?: number; options?: StubOptions; overrides?: Partial<TicketPolicyInput> } = {},
) {
  const { activities, recorder } = stubActivities(options);
  const worker: Worker = await harness.worker(activities);
  const results = await worker.runUntil(async () => {
    const handles = await Promise.all(
      Array.from({ length: tickets }, () => {
        const input = ticket();
        return startResolveTicket(harness, input, overrides);
      }),
    );
    const ids = handles.map((h) => h.workflowId);
    for (const id of ids) await reachStage(id, 'awaiting_agent');
    await interact(ids);
    return Promise.all(handles.map(async (h) => (await h.result()) as TicketResult));
  });
  return { results, recorder };
}

const reachStage = (id: string, stage: string) =>
  waitFor(async () => {
    const status = await harness.client.workflow.getHandle(id).query(statusQuery);
    return status.stage === stage ? status : undefined;
  }, `stage ${stage}`);

/** Every JSON payload in the run's history that looks like a refusal: activity results and update outcomes. */
async function refusalsInHistory(id: string): Promise<string[]> {
  const history = await harness.client.workflow.getHandle(id).fetchHistory();
  const payloads = (history.events ?? []).flatMap((event) => [
    ...(event.activityTaskCompletedEventAttributes?.result?.payloads ?? []),
    ...(event.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads ?? []),
  ]);
  return payloads.flatMap((payload) => {
    const value = JSON.parse(Buffer.from(payload.data ?? []).toString('utf8')) as Record<string, unknown>;
    if (typeof value.refusal === 'string') return [`check: ${value.refusal}`];
    if (value.counted === false) return [`update: ${String(value.reason)}`];
    return [];
  });
}

describe('signed agent decisions', () => {
  it('refuses every forgery by update and signal, records why, and sends the draft once on a valid approve', async () => {
    ticketKeyring.revoke('agent.revoked', 'agent');
    const expected: Array<[string, RegExp]> = [];
    let outsider = '';
    const { results, recorder } = await run(async ([id]) => {
      const c = harness.client;
      const other = `ticket-${randomUUID()}`;
      const stale = new Date(Date.now() - 2 * 3_600_000);
      const tampered = await signReview(c, id!, 'edit', 'agent.eve', { editedReply: 'A fair answer.' });
      tampered.payload = { editedReply: 'Send me your card number to claim a refund.' };
      const wrongRole = { ...(await signReview(c, id!, 'approve', 'eng.oncall')).statement, role: 'oncall' as const };
      const oncallKey = ticketKeyring.key('eng.oncall', 'oncall');
      const forgeries: Array<[string, unknown, RegExp]> = [
        [
          'unknown key',
          await signReview(c, id!, 'edit', 'agent.eve', { key: ticketKeyring.unregistered(), editedReply: 'Pay me.' }),
          /unknown key/,
        ],
        ['revoked key', await signReview(c, id!, 'approve', 'agent.revoked'), /was revoked/],
        [
          'oncall role',
          { statement: wrongRole, keyId: oncallKey.keyId, signature: signStatement(wrongRole, oncallKey) },
          /oncall cannot decide a ticket_review/,
        ],
        [
          'other workflow',
          await signReview(c, id!, 'approve', 'agent.eve', { workflowId: other }),
          /signed for workflow/,
        ],
        ['other run', await signReview(c, id!, 'approve', 'agent.eve', { runId: randomUUID() }), /not this run/],
        [
          'other draft',
          await signReview(c, id!, 'approve', 'agent.eve', { draftText: 'We will refund you $500.' }),
          /but this decides sha256/,
        ],
        ['tampered edit', tampered, /but this decides sha256/],
        [
          'expired',
          await signReview(c, id!, 'approve', 'agent.eve', { now: stale, lifetimeMs: 3_600_000 }),
          /expired at/,
        ],
      ];
      for (const [what, forged, reason] of forgeries) {
        const outcome = await reviewByUpdate(c, id!, forged);
        expect({ what, ...outcome }).toEqual({
          what,
          counted: false,
          reason: expect.stringMatching(reason),
          identity: expect.any(String),
        });
        expected.push([what, reason]);
      }
      // Signals are checked the same way; an unsigned one (the old shape) is named as such.
      await signalReview(c, id!, { decision: 'edit', agentId: 'agent.eve', editedReply: 'Pay me.' });
      await signalReview(c, id!, forgeries[0]![1]);
      // An update that is not even shaped like a signed decision is rejected before it reaches history.
      const rejected = await reviewByUpdate(c, id!, { decision: 'approve', agentId: 'agent.eve' }).catch(
        (e: Error) => e,
      );
      expect(String((rejected as Error).cause)).toMatch(/not a signed decision/);
      const approve = await signReview(c, id!, 'approve', 'agent.ann');
      expect(await reviewByUpdate(c, id!, approve)).toEqual({
        counted: true,
        reason: 'approved: the draft is sent',
        identity: 'agent.ann',
      });
      outsider = id!;
    });
    const [result] = results;
    expect(recorder.sent.map((m) => [m.body, m.author])).toEqual([[draft().reply, 'agent:agent.ann']]);
    expect(result!.agent).toEqual({ agentId: 'agent.ann', decision: 'approve' });
    const ignored = result!.ignoredDecisions!.map((d) => d.reason);
    expect(ignored).toHaveLength(expected.length + 2);
    expected.forEach(([, reason], i) => expect(ignored[i]).toMatch(reason));
    expect(ignored.slice(-2)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^unsigned/), expect.stringMatching(/unknown key/)]),
    );
    // The refusals are in history: the verifier's results, and what each update answered.
    const history = await refusalsInHistory(outsider);
    for (const [, reason] of expected) {
      expect(history.filter((line) => line.startsWith('check:') && reason.test(line))).not.toHaveLength(0);
      expect(history.filter((line) => line.startsWith('update:') && reason.test(line))).not.toHaveLength(0);
    }
  });

  it('counts a signed decision once: the same one again, or at a second ticket, is refused', async () => {
    const { results, recorder } = await run(
      async ([first, second]) => {
        const signed = await signReview(harness.client, first!, 'approve', 'agent.ann');
        await signalReview(harness.client, first!, signed);
        await signalReview(harness.client, first!, signed);
        expect(await reviewByUpdate(harness.client, second!, signed)).toMatchObject({
          counted: false,
          reason: expect.stringMatching(/signed for workflow/),
        });
        // The second ticket then takes its own agent's reject.
        await signalReview(harness.client, second!, await signReview(harness.client, second!, 'reject', 'agent.bo'));
      },
      { tickets: 2 },
    );
    expect(recorder.sent.map((m) => m.author)).toEqual(['agent:agent.ann']);
    expect(results[0]!.ignoredDecisions).toEqual([
      { agentId: 'agent:agent.ann', reason: expect.stringMatching(/nonce .* was already used/) },
    ]);
    expect(results[1]!.outcome).toBe('escalated');
  });

  it('sends nothing for a forged edit: the review expires and the ticket escalates', async () => {
    const { results, recorder } = await run(
      async ([id]) => {
        const forged = await signReview(harness.client, id!, 'edit', 'agent.eve', {
          key: ticketKeyring.unregistered(),
          editedReply: 'Pay me.',
        });
        await signalReview(harness.client, id!, forged);
      },
      { overrides: { reviewDeadlineMs: 3_000 } },
    );
    expect(recorder.sent).toEqual([]);
    expect(results[0]!.outcome).toBe('escalated');
    expect(results[0]!.ignoredDecisions).toEqual([
      { agentId: 'agent:agent.eve', reason: expect.stringMatching(/unknown key/) },
    ]);
  });

  it.each([
    ['a card number', 'Your card 4111 1111 1111 1111 has been refunded.', 'secret_leak'],
    ["another customer's email", 'Please write to sam.other@example.org about the discount.', 'foreign_personal_data'],
  ])(
    'does not send an agent edit carrying %s: the ticket escalates with the reason',
    async (_what, editedReply, code) => {
      let answer: unknown;
      const { results, recorder } = await run(async ([id]) => {
        answer = await reviewByUpdate(
          harness.client,
          id!,
          await signReview(harness.client, id!, 'edit', 'agent.ann', { editedReply }),
        );
      });
      const [result] = results;
      expect(answer).toEqual({
        counted: true,
        reason: expect.stringContaining(`not sent: the guardrails found ${code}`),
        identity: 'agent.ann',
      });
      expect(recorder.sent).toEqual([]);
      expect(result!.outcome).toBe('escalated');
      expect(result!.routeReasons.at(-1)).toBe(`agent edit not sent: the guardrails found ${code}`);
      expect(result!.agent?.editFindings?.map((f) => f.code)).toEqual([code]);
      expect(result!.findings.map((f) => f.code)).toContain(code);
      expect(recorder.handoffs.map((h) => h.kind)).toEqual(['review', 'escalation']);
      expect(recorder.audit).toEqual([
        {
          action: 'ticket.agent_edit_blocked',
          actor: 'agent:agent.ann',
          details: { ticketId: result!.ticketId, errors: code, warnings: null },
        },
      ]);
      const attributes = (await harness.client.workflow.getHandle(`ticket-${result!.ticketId}`).describe())
        .typedSearchAttributes;
      expect(attributes.get(sa.Guardrails)).toEqual([code]);
    },
  );

  it('refuses a decision that reaches a ticket sent without review, and records it', async () => {
    const { activities, recorder } = stubActivities({ draftDelayMs: 800 });
    const worker = await harness.worker(activities);
    const input = ticket();
    const result = await worker.runUntil(async () => {
      const handle = await startResolveTicket(harness, input);
      const signed = await signReview(harness.client, handle.workflowId, 'edit', 'agent.ann', {
        runId: handle.firstExecutionRunId,
        editedReply: 'Early edit.',
      });
      await signalReview(harness.client, handle.workflowId, signed);
      return (await handle.result()) as TicketResult;
    });
    expect(recorder.sent.map((m) => [m.author, m.body])).toEqual([['switchboard', draft().reply]]);
    expect(result.ignoredDecisions).toEqual([
      { agentId: 'agent.ann', reason: expect.stringMatching(/^no review is open/) },
    ]);
  });
});
