import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { Activities } from '../../activities';
import type { ClassifyResult } from '../../activities/tickets';
import { ErrorTypes, nonRetryableErrorTypes } from '../../domain/errors';
import type { ModelCallRecord } from '../../domain/model-call';
import { searchAttributes as sa } from '../../domain/search-attributes';
import {
  customerReplySchema,
  resolveTicketArgsSchema,
  type Draft,
  type ResolveTicketArgs,
  type TicketResult,
} from '../../domain/ticket';
import { customerReplySignal, statusQuery } from './messages';
import { auditAttributes, duration } from '../audit';
import { unusableModelAnswer } from '../model-failures';
import { modelCallOptions } from '../model-retry';
import { acceptReviewDecisions } from './review-handlers';
import { holdForReview } from './review-flow';
import { decideRoute, strongModelReasons } from './routing';
import { TicketState } from './state';

const retry: RetryPolicy = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  nonRetryableErrorTypes,
};

const backend = proxyActivities<Activities>({
  startToCloseTimeout: '10s',
  retry: { ...retry, maximumAttempts: 10 },
});
// Messages to customers must not be lost: keep retrying; the outbox key makes repeats harmless.
const delivery = proxyActivities<Activities>({ startToCloseTimeout: '10s', retry });

export async function resolveTicket(args: ResolveTicketArgs): Promise<TicketResult> {
  const parsed = resolveTicketArgsSchema.safeParse(args);
  if (!parsed.success) {
    throw ApplicationFailure.create({
      type: ErrorTypes.InvalidInput,
      message: parsed.error.message,
      nonRetryable: true,
    });
  }
  const { ticket, policy } = parsed.data;
  // Haiku answers in about a second; the timeout comes from config (frozen in the input) so operators can tune it.
  const model = proxyActivities<Activities>(modelCallOptions(policy.modelCallTimeoutMs));
  const { workflowId, runId } = workflowInfo();
  const state = new TicketState(ticket.ticketId, runId);
  const { review } = state;
  const modelCalls: ModelCallRecord[] = [];
  const replies: string[] = [];
  let draft: Draft | null = null;
  let draftFailure: string | null = null;

  setHandler(statusQuery, () => state.snapshot());
  // Handlers are registered before the first await, so a signal that arrives early is kept, not lost.
  acceptReviewDecisions(review, { workflowId, runId });
  setHandler(customerReplySignal, (input) => {
    const result = customerReplySchema.safeParse(input);
    if (result.success) replies.push(result.data.message);
    else log.warn('ignored malformed customer reply');
  });

  upsertSearchAttributes([
    { key: sa.UseCase, value: 'ticket' },
    { key: sa.AccountRef, value: ticket.accountId },
  ]);

  state.stage = 'loading_context';
  const account = await backend.loadAccountContext.executeWithOptions({ summary: 'Load account context' }, [
    { ticketId: ticket.ticketId, accountId: ticket.accountId },
  ]);

  const conversation = [ticket.message];
  let clarifications = 0;
  let classified: ClassifyResult | undefined;
  for (;;) {
    state.stage = 'classifying';
    try {
      const summary = clarifications
        ? `Classify intent again after clarification ${clarifications}`
        : 'Classify intent';
      classified = await model.classifyIntent.executeWithOptions({ summary }, [
        { ticketId: ticket.ticketId, conversation },
      ]);
    } catch (error) {
      const reason = unusableModelAnswer(error);
      if (!reason) throw error;
      return finish('escalate', [`classification failed: ${reason}`], null);
    }
    modelCalls.push(classified.call);
    const { classification } = classified;
    state.classified(classification);
    upsertSearchAttributes([
      { key: sa.Intent, value: classification.intent },
      { key: sa.Department, value: classification.department },
      { key: sa.Confidence, value: classification.confidence },
    ]);
    const question = classified.clarifyingQuestion;
    if (!question || classified.stakes === 'high' || clarifications >= policy.maxClarifications) break;

    clarifications += 1;
    state.route = 'clarify';
    state.pendingQuestion = question;
    upsertSearchAttributes([{ key: sa.Route, value: 'clarify' }]);
    await delivery.sendMessage.executeWithOptions(
      { summary: `Ask clarifying question ${clarifications} (${ticket.channel})` },
      [
        {
          idempotencyKey: `${workflowId}:clarification:${clarifications}`,
          ticketId: ticket.ticketId,
          accountId: ticket.accountId,
          channel: ticket.channel,
          kind: 'clarification',
          body: question,
          author: 'switchboard',
        },
      ],
    );
    state.stage = 'awaiting_customer';
    const answered = await condition(() => replies.length >= clarifications, policy.clarificationTimeoutMs, {
      summary: `Wait up to ${duration(policy.clarificationTimeoutMs)} for the customer's answer`,
    });
    state.pendingQuestion = null;
    if (!answered) {
      return finish('escalate', ['the customer did not answer the clarifying question in time'], null);
    }
    conversation.push(replies[clarifications - 1]!);
  }

  state.stage = 'retrieving';
  const { passages } = await backend.retrieveKnowledge.executeWithOptions(
    { summary: `Retrieve ${policy.knowledgeTopK} knowledge passages for ${classified.classification.intent}` },
    [{ query: conversation.join('\n'), k: policy.knowledgeTopK }],
  );

  state.stage = 'drafting';
  try {
    const drafted = await model.draftReply.executeWithOptions({ summary: 'Draft reply (fast model)' }, [draftInput()]);
    modelCalls.push(drafted.call);
    draft = drafted.draft;
    state.draftReply = draft.reply;
  } catch (error) {
    const reason = unusableModelAnswer(error);
    if (!reason) throw error;
    draftFailure = reason;
  }

  state.stage = 'validating';
  if (draft) {
    state.findings = (await validate(draft)).findings;
  }

  const strongReasons = draft ? strongModelReasons(policy, classified.stakes, draft, state.findings) : [];
  if (draft && strongReasons.length) {
    state.stage = 'drafting';
    try {
      const strong = await model.draftReply.executeWithOptions(
        { summary: `Redraft with the strong model: ${strongReasons.join(', ')}` },
        [{ ...draftInput(), tier: 'strong' }],
      );
      modelCalls.push(strong.call);
      draft = strong.draft;
      state.draftReply = draft.reply;
      state.stage = 'validating';
      state.findings = (await validate(draft)).findings;
    } catch (error) {
      // The fast draft stands when the strong model cannot improve on it.
      if (!unusableModelAnswer(error)) throw error;
    }
  }

  const decided = decideRoute({
    classification: classified.classification,
    stakes: classified.stakes,
    draft,
    draftFailure,
    findings: state.findings,
    policy,
  });
  state.route = decided.route;
  upsertSearchAttributes([{ key: sa.Route, value: decided.route }]);
  auditAttributes(guardrailAttributes());

  if (decided.route === 'send' && draft)
    return finish('send', decided.reasons, await deliver(draft.reply, 'switchboard'));
  if (decided.route === 'escalate' || !draft) return finish('escalate', decided.reasons, null);

  const reviewed = await holdForReview({
    workflowId,
    ticketId: ticket.ticketId,
    draft,
    reasons: decided.reasons,
    policy,
    state,
    validate: (reply) => validate({ reply, proposedActions: [] }, "Check the agent's edit against the guardrails"),
  });
  const { reply } = reviewed;
  return finish('review', reviewed.reasons, reply ? await deliver(reply.text, reply.author) : null);

  function draftInput() {
    return {
      ticketId: ticket.ticketId,
      contextRef: account.contextRef,
      conversation,
      classification: classified!.classification,
      passages,
    };
  }

  function validate(
    candidate: Pick<Draft, 'reply' | 'proposedActions'>,
    summary = 'Check the draft against the guardrails',
  ) {
    return backend.validateReply.executeWithOptions({ summary }, [
      {
        contextRef: account.contextRef,
        passages,
        conversation,
        reply: candidate.reply,
        proposedActions: candidate.proposedActions,
        // Activity inputs are not compared on replay, so this field needs no patch.
        intent: classified!.classification.intent,
      },
    ]);
  }

  function guardrailAttributes() {
    const failed = state.failedGuardrails();
    return failed.length ? [{ key: sa.Guardrails, value: failed }] : [];
  }

  async function deliver(body: string, author: string): Promise<string> {
    state.stage = 'dispatching';
    const summary = author === 'switchboard' ? 'Send the reply' : `Send the reply from ${author}`;
    await delivery.sendMessage.executeWithOptions({ summary }, [
      {
        idempotencyKey: `${workflowId}:reply`,
        ticketId: ticket.ticketId,
        accountId: ticket.accountId,
        channel: ticket.channel,
        kind: 'reply',
        body,
        author,
      },
    ]);
    return body;
  }

  async function finish(route: TicketResult['route'], reasons: string[], reply: string | null): Promise<TicketResult> {
    const escalated = reply === null;
    if (escalated) {
      await backend.openHandoff.executeWithOptions(
        { summary: `Escalate to a person: ${reasons[reasons.length - 1]}` },
        [{ idempotencyKey: `${workflowId}:escalation`, ticketId: ticket.ticketId, kind: 'escalation', reasons }],
      );
      // Where the ticket ended, even if it was routed to review or clarification first.
      state.escalated = true;
      auditAttributes([{ key: sa.Route, value: 'escalate' }]);
    }
    state.stage = 'completed';
    const c = classified?.classification;
    const costUsd = modelCalls.reduce((sum, call) => sum + call.costUsd, 0);
    const last = modelCalls[modelCalls.length - 1];
    // Added after the first release: the patch keeps tickets started before it replayable.
    if (patched('cost-search-attributes')) {
      upsertSearchAttributes([
        { key: sa.CostUsd, value: costUsd },
        ...(last
          ? [
              { key: sa.ModelId, value: last.modelId },
              { key: sa.PromptVersion, value: last.promptVersion },
            ]
          : []),
      ]);
    }
    // Decisions still being verified are finished and recorded before the ticket closes.
    review.end(`the ticket ended: ${escalated ? 'escalated' : 'replied'} without this review`);
    await condition(allHandlersFinished);
    const decision = review.decided;
    return {
      ticketId: ticket.ticketId,
      outcome: escalated ? 'escalated' : decision ? 'agent_replied' : 'replied',
      route,
      routeReasons: reasons,
      intent: c?.intent ?? 'unclassified',
      secondaryIntent: c?.secondaryIntent ?? null,
      department: c?.department ?? 'OTHER',
      confidence: c?.confidence ?? 0,
      replyConfidence: draft?.confidence ?? null,
      reply,
      findings: state.findings,
      clarifications,
      agent: decision
        ? {
            agentId: decision.agentId,
            decision: decision.decision,
            ...(state.editFindings ? { editFindings: state.editFindings } : {}),
          }
        : null,
      ...(review.ignored.length ? { ignoredDecisions: review.ignored } : {}),
      modelCalls,
      costUsd,
    };
  }
}
