import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import type { ClassifyResult } from '../../activities/ticket';
import { searchAttributes as sa } from '../../domain/search-attributes';
import { duration } from '../audit';
import { unusableModelAnswer } from '../model-failures';
import { delivery } from './proxies';
import type { TicketRun } from './run';

const clarifyRoute = { key: sa.Route, value: 'clarify' } satisfies SearchAttributeUpdatePair;

/**
 * Classify the ticket; when the model has a clarifying question (and the stakes allow one), ask the customer, wait
 * for the answer and classify again. Returns why the ticket must go to a person instead, or null when classified.
 */
export async function classifyTicket(run: TicketRun): Promise<string | null> {
  const { state, policy, ticket, conversation } = run;
  for (;;) {
    state.stage = 'classifying';
    let classified: ClassifyResult;
    try {
      const summary = run.clarifications
        ? `Classify intent again after clarification ${run.clarifications}`
        : 'Classify intent';
      // Activity inputs are not compared on replay, so the locale needs no patch.
      classified = await run.model.classifyIntent.executeWithOptions({ summary }, [
        { ticketId: ticket.ticketId, conversation, ...(ticket.locale ? { locale: ticket.locale } : {}) },
      ]);
    } catch (error) {
      const reason = unusableModelAnswer(error);
      if (!reason) throw error;
      return `classification failed: ${reason}`;
    }
    run.classified = classified;
    run.modelCalls.push(classified.call);
    const { classification } = classified;
    state.classified(classification);
    const question = classified.clarifyingQuestion;
    const asks = !!question && classified.stakes !== 'high' && run.clarifications < policy.maxClarifications;
    const attributes: SearchAttributeUpdatePair[] = [
      { key: sa.Intent, value: classification.intent },
      { key: sa.Department, value: classification.department },
      { key: sa.Confidence, value: classification.confidence },
    ];
    // With local steps, the route to a question goes in the classification's upsert: one command, not two.
    upsertSearchAttributes(asks && run.localSteps ? [...attributes, clarifyRoute] : attributes);
    if (!asks) return null;
    if (!(await askCustomer(run, question))) return 'the customer did not answer the clarifying question in time';
  }
}

/** One clarifying question, sent once, and up to the policy's wait for the answer, which joins the conversation. */
async function askCustomer(run: TicketRun, question: string): Promise<boolean> {
  const { state, policy, ticket } = run;
  run.clarifications += 1;
  const n = run.clarifications;
  state.route = 'clarify';
  state.pendingQuestion = question;
  if (!run.localSteps) upsertSearchAttributes([clarifyRoute]);
  await delivery.sendMessage.executeWithOptions({ summary: `Ask clarifying question ${n} (${ticket.channel})` }, [
    {
      idempotencyKey: `${run.workflowId}:clarification:${n}`,
      ticketId: ticket.ticketId,
      accountId: ticket.accountId,
      channel: ticket.channel,
      kind: 'clarification',
      body: question,
      author: 'switchboard',
    },
  ]);
  state.stage = 'awaiting_customer';
  // A pure wait: the reply handler adds to `replies`, the condition only counts them.
  const answered = await condition(() => run.replies.length >= n, policy.clarificationTimeoutMs, {
    summary: `Wait up to ${duration(policy.clarificationTimeoutMs)} for the customer's answer`,
  });
  state.pendingQuestion = null;
  if (answered) run.conversation.push(run.replies[n - 1]!);
  return answered;
}
