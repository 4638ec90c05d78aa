import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { contentSubject, type SigningKey } from '../activities/decisions/signing';
import { ticketWorkflowId } from '../client';
import { signDecision } from '../client/decisions';
import type { Draft, TicketInput, TicketPolicy } from '../domain/ticket';
import { decideRoute, strongModelReasons } from '../domain/ticket-routing';
import type { PlainActivities } from './plain-activities';
import { benchRoute } from './route-costs';

/** A ticket with the answers its customer and agent give, as the workflow bench's load generator sends them. */
export interface PlainTicket {
  ticket: TicketInput;
  customerAnswer?: string;
  agent?: { decision: 'approve' | 'edit' | 'reject'; note?: string };
}

const logger = new DefaultLogger('WARN');

/**
 * resolveTicket's steps with plain awaits: the same activities with the same inputs, in the same order, and the same
 * routing rules, but no history, no workflow tasks and no task queues. Each activity runs in an activity context (the
 * SDK's own, as a worker would give it) so it sees the run it belongs to. The customer's answer and the agent's
 * signed decision are there as soon as they are asked for, as in the workflow bench. Model failures, timeouts and
 * agent edits are not modelled: the offline engine does not fail, and the demo agents approve or reject.
 */
export async function resolveTicketPlainly(
  activities: PlainActivities,
  policy: TicketPolicy,
  { ticket, customerAnswer, agent }: PlainTicket,
  agentKey: SigningKey,
): Promise<string> {
  const a = activities;
  const { ticketId, accountId, channel } = ticket;
  const workflowId = ticketWorkflowId(ticketId);
  const runId = randomUUID();
  const env = new MockActivityEnvironment(
    { workflowExecution: { workflowId, runId }, workflowType: 'plain' },
    { logger },
  );
  // A typed run: the SDK's signature cannot infer an activity's input and result from the function alone.
  const run = <A, R>(fn: (input: A) => Promise<R>, input: A) => env.run<[A], R, typeof fn>(fn, input);
  const locale = ticket.locale ? { locale: ticket.locale } : {};
  const send = (kind: 'reply' | 'clarification', key: string, body: string, author: string) =>
    run(a.sendMessage, {
      idempotencyKey: `${workflowId}:${key}`,
      ticketId,
      accountId,
      channel,
      kind,
      body,
      author,
    });
  const escalate = (reasons: string[]) =>
    run(a.openHandoff, { idempotencyKey: `${workflowId}:escalation`, ticketId, kind: 'escalation', reasons });

  const account = await run(a.loadAccountContext, { ticketId, accountId });
  const conversation = [ticket.message];
  let clarifications = 0;
  let classified = await run(a.classifyIntent, { ticketId, conversation, ...locale });
  while (classified.clarifyingQuestion && classified.stakes !== 'high' && clarifications < policy.maxClarifications) {
    clarifications += 1;
    await send('clarification', `clarification:${clarifications}`, classified.clarifyingQuestion, 'switchboard');
    if (!customerAnswer) throw new Error(`${ticketId}: a clarifying question with no customer answer to give`);
    conversation.push(customerAnswer);
    classified = await run(a.classifyIntent, { ticketId, conversation, ...locale });
  }
  const done = (route: string) => benchRoute({ route, clarifications });
  const { classification, stakes } = classified;
  const { passages } = await run(a.retrieveKnowledge, { query: conversation.join('\n'), k: policy.knowledgeTopK });
  const draftInput = { ticketId, contextRef: account.contextRef, conversation, classification, passages, ...locale };
  const validate = (draft: Pick<Draft, 'reply' | 'proposedActions'>) =>
    run(a.validateReply, {
      contextRef: account.contextRef,
      passages,
      conversation,
      reply: draft.reply,
      proposedActions: draft.proposedActions,
      intent: classification.intent,
    });

  let { draft } = await run(a.draftReply, draftInput);
  let { findings } = await validate(draft);
  if (strongModelReasons(policy, stakes, draft, findings).length) {
    ({ draft } = await run(a.draftReply, { ...draftInput, tier: 'strong' }));
    ({ findings } = await validate(draft));
  }
  const decided = decideRoute({ classification, stakes, draft, draftFailure: null, findings, policy });
  if (decided.route === 'send') {
    await send('reply', 'reply', draft.reply, 'switchboard');
    return done('send');
  }
  if (decided.route === 'escalate') {
    await escalate(decided.reasons);
    return done('escalate');
  }

  const reviewKey = `${workflowId}:review`;
  await run(a.openHandoff, { idempotencyKey: reviewKey, ticketId, kind: 'review', reasons: decided.reasons });
  if (!agent || agent.decision === 'edit') throw new Error(`${ticketId}: review needs an approval or a rejection`);
  const reason = agent.note ?? 'bench review';
  const subject = contentSubject(draft.reply);
  const signed = signDecision(
    { kind: 'ticket_review', workflowId, runId, subject, decision: agent.decision, reason, identity: 'bench-agent' },
    agentKey,
  );
  const expected = { kind: 'ticket_review' as const, workflowId, runId, subject: null, draftText: draft.reply };
  const check = await run(a.verifyDecision, { submitted: signed, expected, receivedAt: new Date().toISOString() });
  if (!check.valid) throw new Error(`${ticketId}: the agent's decision was refused: ${check.refusal}`);
  await run(a.resolveHandoff, { idempotencyKey: reviewKey, resolvedBy: check.identity, decision: agent.decision });
  if (agent.decision === 'reject') await escalate([...decided.reasons, 'agent rejected the draft']);
  else await send('reply', 'reply', draft.reply, `agent:${check.identity}`);
  return done('review');
}
