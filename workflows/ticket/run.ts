import {
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Activities } from '../../activities';
import type { ClassifyResult } from '../../activities/ticket';
import type { ModelCallRecord } from '../../domain/model-call';
import { searchAttributes as sa } from '../../domain/search-attributes';
import type { Draft, TicketResult } from '../../domain/ticket';
import { customerReplySchema } from '../../domain/ticket-input';
import { auditAttributes } from '../audit';
import { modelCallOptions } from '../model-retry';
import type { parseTicketArgs } from './inputs';
import { backend, delivery, shortSteps, type ShortSteps } from './proxies';
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
  /** The account read, retrieval and guardrail check: local activities when the run took the local-steps patch. */
  readonly steps: ShortSteps;
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
    /**
     * The run took the local-steps patch (asked once, first thing in the workflow). Such a run also needs no patch
     * check for what earlier patches added: its code has it all, so it upserts without their markers.
     */
    readonly localSteps = false,
  ) {
    this.state = new TicketState(ticket.ticketId, runId);
    this.steps = shortSteps(localSteps);
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
    return this.steps.validateReply.executeWithOptions({ summary }, [
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

  /** Search attributes for auditors: behind the `audit-search-attributes` patch, unless the run took local steps. */
  audit(pairs: SearchAttributeUpdatePair[]): void {
    if (!this.localSteps) auditAttributes(pairs);
    else if (pairs.length) upsertSearchAttributes(pairs);
  }

  /**
   * The route, and the guardrails that failed, once routing decided. Before local steps these were two upserts in
   * the same workflow task (two commands, kept for the histories they recorded); since, they are one.
   */
  upsertRoute(route: TicketResult['route']): void {
    const routed = { key: sa.Route, value: route };
    if (this.localSteps) {
      upsertSearchAttributes([routed, ...this.guardrailAttributes()]);
    } else {
      upsertSearchAttributes([routed]);
      auditAttributes(this.guardrailAttributes());
    }
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
    }
    state.stage = 'completed';
    const costUsd = modelCalls.reduce((sum, call) => sum + call.costUsd, 0);
    const last = modelCalls[modelCalls.length - 1];
    const escalation: SearchAttributeUpdatePair[] = escalated ? [{ key: sa.Route, value: 'escalate' }] : [];
    const cost: SearchAttributeUpdatePair[] = [
      { key: sa.CostUsd, value: costUsd },
      ...(last
        ? [
            { key: sa.ModelId, value: last.modelId },
            { key: sa.PromptVersion, value: last.promptVersion },
          ]
        : []),
    ];
    if (this.localSteps) {
      // One upsert for the last stage, and no patch checks: a run with local steps always had these attributes.
      upsertSearchAttributes([...escalation, ...cost]);
    } else {
      auditAttributes(escalation);
      // Added after the first release: the patch keeps tickets started before it replayable.
      if (patched('cost-search-attributes')) upsertSearchAttributes(cost);
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
