import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import { searchAttributes as sa } from '../../domain/search-attributes';
import type { Draft, Finding, TicketPolicy } from '../../domain/ticket';
import { editBlockingCodes } from '../../domain/ticket-input';
import { duration } from '../audit';
// The same options as the activities resolveTicket scheduled before review moved here.
import { backend } from './proxies';
import type { TicketState } from './state';

export interface ReviewInput {
  workflowId: string;
  ticketId: string;
  draft: Draft;
  reasons: string[];
  policy: Pick<TicketPolicy, 'reviewDeadlineMs'>;
  state: TicketState;
  /** The guardrails the draft went through, for an agent's edit. */
  validate(reply: string): Promise<{ findings: Finding[] }>;
  /** Search attributes for auditors, as the run sets them (see TicketRun.audit). */
  audit(pairs: SearchAttributeUpdatePair[]): void;
}

/** What review decided: a reply to send (and as whom), or none and why the ticket escalates. */
export interface Reviewed {
  reasons: string[];
  reply: { text: string; author: string } | null;
}

/** Review: an agent approves, edits or rejects before the deadline, or the ticket escalates. */
export async function holdForReview(input: ReviewInput): Promise<Reviewed> {
  const { workflowId, ticketId, draft, reasons, policy, state } = input;
  const { review } = state;
  review.open(draft.reply);
  const reviewKey = `${workflowId}:review`;
  await backend.openHandoff.executeWithOptions({ summary: `Open agent review: ${reasons.join('; ')}` }, [
    { idempotencyKey: reviewKey, ticketId, kind: 'review', reasons },
  ]);
  state.stage = 'awaiting_agent';
  const decidedInTime = await condition(() => review.decided !== null, policy.reviewDeadlineMs, {
    summary: `Wait up to ${duration(policy.reviewDeadlineMs)} for an agent's review`,
  });
  const decision = review.decided;
  if (!decidedInTime || !decision) {
    review.close('the review deadline passed');
    state.verdict = 'expired';
    input.audit([{ key: sa.Decision, value: 'expired' }]);
    return { reasons: [...reasons, 'review deadline passed: escalated'], reply: null };
  }
  state.verdict = `${decision.decision} by ${decision.agentId}`;
  review.close(`${state.verdict} already decided it`);
  await backend.resolveHandoff.executeWithOptions({ summary: `Close review: ${state.verdict}` }, [
    // The verdict goes to the audit trail with the agent's identity; an activity input, so replay is unaffected.
    { idempotencyKey: reviewKey, resolvedBy: decision.agentId, decision: decision.decision },
  ]);
  upsertSearchAttributes([
    { key: sa.Decision, value: decision.decision },
    { key: sa.Approver, value: decision.agentId },
  ]);
  if (decision.decision === 'reject') return { reasons: [...reasons, 'agent rejected the draft'], reply: null };
  const author = `agent:${decision.agentId}`;
  if (decision.decision !== 'edit') return { reasons, reply: { text: draft.reply, author } };
  // Unsigned edits (histories from before signing) went out unchecked; replaying them must schedule nothing new.
  if (!review.legacy && (await editBlocked(input, decision.agentId, decision.editedReply!))) {
    return { reasons: [...reasons, `agent edit not sent: ${review.editBlocked}`], reply: null };
  }
  return { reasons, reply: { text: decision.editedReply!, author } };
}

/** An agent's edit goes through the draft's guardrails; privacy errors stop it (see editBlockingCodes). */
async function editBlocked({ ticketId, state, validate, audit }: ReviewInput, agentId: string, text: string) {
  const { findings } = await validate(text);
  state.findings = [...state.findings, ...findings.map((f) => ({ ...f, detail: `agent edit: ${f.detail}` }))];
  state.editFindings = findings;
  const codes = (severity: Finding['severity']) => [
    ...new Set(findings.filter((f) => f.severity === severity).map((f) => f.code)),
  ];
  const blocking = codes('error').filter((code) => editBlockingCodes.includes(code));
  const blocked = blocking.length > 0;
  // Ids and codes only: the edit's text and what the guardrails quoted from it stay out of the audit trail.
  await backend.recordDecision.executeWithOptions(
    { summary: `Audit: agent edit ${blocked ? 'blocked' : 'checked'} by the guardrails` },
    [
      {
        action: blocked ? 'ticket.agent_edit_blocked' : 'ticket.agent_edit_checked',
        actor: `agent:${agentId}`,
        details: { ticketId, errors: codes('error').join(',') || null, warnings: codes('warning').join(',') || null },
      },
    ],
  );
  if (blocked) audit([{ key: sa.Guardrails, value: state.failedGuardrails() }]);
  state.review.editBlocked = blocked ? `the guardrails found ${blocking.join(', ')}` : null;
  return blocked;
}
