import { patched, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { searchAttributes as sa } from '../../domain/search-attributes';
import type { ResolveTicketArgs, TicketResult } from '../../domain/ticket';
import { classifyTicket } from './classify-flow';
import { draftAndCheck } from './draft-flow';
import { parseTicketArgs } from './inputs';
import { customerReplySignal, statusQuery } from './messages';
import { localStepsPatch } from './proxies';
import { acceptReviewDecisions } from './review-handlers';
import { holdForReview } from './review-flow';
import { decideRoute } from '../../domain/ticket-routing';
import { TicketRun } from './run';

/**
 * Classify, load the account, retrieve, draft, check against the guardrails; then send, hold for an agent's review,
 * or escalate, by confidence and stakes.
 */
export async function resolveTicket(args: ResolveTicketArgs): Promise<TicketResult> {
  // Asked once, before anything else and before any await, so always in the run's first workflow task: a history
  // recorded before local steps has no marker there and replays wholly the old way (activity tasks, the old upserts);
  // a new run records the marker and runs wholly the new way. Never asked again: local activities complete inside a
  // workflow task where activity tasks end one, so a later check would sit at a different task in either history.
  const localSteps = patched(localStepsPatch);
  const { ticket, policy } = parseTicketArgs(args);
  const { workflowId, runId } = workflowInfo();
  const run = new TicketRun(ticket, policy, workflowId, runId, localSteps);
  const { state } = run;

  setHandler(statusQuery, () => state.snapshot());
  // Handlers are registered before the first await, so a signal that arrives early is kept, not lost.
  acceptReviewDecisions(state.review, { workflowId, runId }, localSteps);
  setHandler(customerReplySignal, (input) => run.receiveReply(input));
  upsertSearchAttributes([
    { key: sa.UseCase, value: 'ticket' },
    { key: sa.AccountRef, value: ticket.accountId },
  ]);

  state.stage = 'loading_context';
  const account = await run.steps.loadAccountContext.executeWithOptions({ summary: 'Load account context' }, [
    { ticketId: ticket.ticketId, accountId: ticket.accountId },
  ]);
  run.contextRef = account.contextRef;

  const unclassified = await classifyTicket(run);
  if (unclassified) return run.finish('escalate', [unclassified], null);
  const { classification, stakes } = run.classified!;

  state.stage = 'retrieving';
  run.passages = (
    await run.steps.retrieveKnowledge.executeWithOptions(
      { summary: `Retrieve ${policy.knowledgeTopK} knowledge passages for ${classification.intent}` },
      [{ query: run.conversation.join('\n'), k: policy.knowledgeTopK }],
    )
  ).passages;

  await draftAndCheck(run);
  const { draft } = run;
  const decided = decideRoute({
    classification,
    stakes,
    draft,
    draftFailure: run.draftFailure,
    escalationReason: run.escalationReason,
    findings: state.findings,
    policy,
  });
  state.route = decided.route;
  run.upsertRoute(decided.route);

  if (decided.route === 'send' && draft) {
    return run.finish('send', decided.reasons, await run.deliver(draft.reply, 'switchboard'));
  }
  if (decided.route === 'escalate' || !draft) return run.finish('escalate', decided.reasons, null);

  const reviewed = await holdForReview({
    workflowId,
    ticketId: ticket.ticketId,
    draft,
    reasons: decided.reasons,
    policy,
    state,
    validate: (reply) => run.validate({ reply, proposedActions: [] }, "Check the agent's edit against the guardrails"),
    audit: (pairs) => run.audit(pairs),
  });
  const { reply } = reviewed;
  return run.finish('review', reviewed.reasons, reply ? await run.deliver(reply.text, reply.author) : null);
}
