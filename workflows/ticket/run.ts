import {
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ClassifyResult } from '../../activities/ticket';
import type { ModelCallRecord } from '../../domain/model-call';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { customerReplySchema, type Draft, type TicketResult } from '../../domain/ticket';
import { auditAttributes } from '../audit';
import { modelCallOptions } from '../model-retry';
import type { parseTicketArgs } from './inputs';
import { backend, delivery } from './proxies';
import { TicketState } from './state';

type Parsed = ReturnType<typeof parseTicketArgs>;
type Ticket = Parsed['ticket'];
type Policy = Parsed['policy'];

/**
 * What one ticket's run has learned so far (its account, conversation, classification, passages and draft) and the
 * steps that use it: checking a reply against the guardrails, sending it, and closing the ticket. The workflow
 * function holds only the order of the steps.
 */
export class TicketRun {
  readonly state: TicketState;
  // Haiku answers in about a second; the timeout comes from config (frozen in the input) so operators can tune it.
  readonly model: ReturnType<typeof proxyActivities<Activities>>;
  readonly modelCalls: ModelCallRecord[] = [];
  readonly replies: string[] = [];
  readonly conversation: string[];
  clarifications = 0;
  contextRef = '';
  passages: Awaited<ReturnType<Activities['retrieveKnowledge']>>['passages'] = [];
  classified: ClassifyResult | null = null;
  draft: Draft | null = null;
  draftFailure: string | null = null;
  escalationReason: string | null = null;

  constructor(
    readonly ticket: Ticket,
    readonly policy: Policy,
    readonly workflowId: string,
    runId: string,
  ) {
    this.state = new TicketState(ticket.ticketId, runId);
    this.model = proxyActivities<Activities>(modelCallOptions(policy.modelCallTimeoutMs));
    this.conversation = [ticket.message];
  }

  receiveReply(input: unknown): void {
    const result = customerReplySchema.safeParse(input);
    if (result.success) this.replies.push(result.data.message);
    else log.warn('ignored malformed customer reply');
  }

  draftInput() {
    const { ticket } = this;
    return {
      ticketId: ticket.ticketId,
      contextRef: this.contextRef,
      conversation: this.conversation,
      classification: this.classified!.classification,
      passages: this.passages,
      ...(ticket.locale ? { locale: ticket.locale } : {}),
    };
  }

  validate(candidate: Pick<Draft, 'reply' | 'proposedActions'>, summary = 'Check the draft against the guardrails') {
    return backend.validateReply.executeWithOptions({ summary }, [
      {
        contextRef: this.contextRef,
        passages: this.passages,
        conversation: this.conversation,
        reply: candidate.reply,
        proposedActions: candidate.proposedActions,
        // Activity inputs are not compared on replay, so this field needs no patch.
        intent: this.classified!.classification.intent,
      },
    ]);
  }

  guardrailAttributes() {
    const failed = this.state.failedGuardrails();
    return failed.length ? [{ key: sa.Guardrails, value: failed }] : [];
  }

  async deliver(body: string, author: string): Promise<string> {
    this.state.stage = 'dispatching';
    const summary = author === 'switchboard' ? 'Send the reply' : `Send the reply from ${author}`;
    const { ticket } = this;
    await delivery.sendMessage.executeWithOptions({ summary }, [
      {
        idempotencyKey: `${this.workflowId}:reply`,
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

  /** The ticket's last step: a hand-off when nothing was sent, the cost on the record, then the result. */
  async finish(route: TicketResult['route'], reasons: string[], reply: string | null): Promise<TicketResult> {
    const { state, ticket, modelCalls } = this;
    const escalated = reply === null;
    if (escalated) {
      await backend.openHandoff.executeWithOptions(
        { summary: `Escalate to a person: ${reasons[reasons.length - 1]}` },
        [{ idempotencyKey: `${this.workflowId}:escalation`, ticketId: ticket.ticketId, kind: 'escalation', reasons }],
      );
      // Where the ticket ended, even if it was routed to review or clarification first.
      state.escalated = true;
      auditAttributes([{ key: sa.Route, value: 'escalate' }]);
    }
    state.stage = 'completed';
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
    state.review.end(`the ticket ended: ${escalated ? 'escalated' : 'replied'} without this review`);
    await condition(allHandlersFinished);
    return this.result(route, reasons, reply, costUsd);
  }

  private result(route: TicketResult['route'], reasons: string[], reply: string | null, costUsd: number) {
    const { state } = this;
    const c = this.classified?.classification;
    const decision = state.review.decided;
    return {
      ticketId: this.ticket.ticketId,
      outcome: reply === null ? 'escalated' : decision ? 'agent_replied' : 'replied',
      route,
      routeReasons: reasons,
      intent: c?.intent ?? 'unclassified',
      secondaryIntent: c?.secondaryIntent ?? null,
      department: c?.department ?? 'OTHER',
      confidence: c?.confidence ?? 0,
      replyConfidence: this.draft?.confidence ?? null,
      reply,
      findings: state.findings,
      clarifications: this.clarifications,
      agent: decision
        ? {
            agentId: decision.agentId,
            decision: decision.decision,
            ...(state.editFindings ? { editFindings: state.editFindings } : {}),
          }
        : null,
      ...(state.review.ignored.length ? { ignoredDecisions: state.review.ignored } : {}),
      modelCalls: this.modelCalls,
      costUsd,
    } satisfies TicketResult;
  }
}
