import type { DecisionCheck, DecisionExpectation, DecisionOutcome } from '../../domain/decisions';
import type { AgentDecision, IgnoredDecision } from '../../domain/ticket';

type Phase = 'before' | 'open' | 'closed';

/**
 * An agent's review of one draft, in one place. Signed decisions arrive verified (`apply`); unsigned ones from
 * histories recorded before signing (`receiveLegacy`) keep their old meaning so those histories replay unchanged.
 * Handlers change state here; the workflow's wait conditions only read it.
 */
export class TicketReview {
  readonly ignored: IgnoredDecision[] = [];
  decided: AgentDecision | null = null;
  /** The draft under review: what approve and reject must have signed, once the ticket waits for an agent. */
  draftText: string | null = null;
  /** Set once an edit has been through the guardrails: null when it may be sent, else why it was not. */
  editBlocked: string | null | undefined = undefined;
  /** The decision came unsigned, from a history recorded before signing: nothing new may be scheduled for it. */
  legacy = false;
  private phase: Phase = 'before';
  private closedBecause = '';
  private ended = false;

  /** The ticket now waits for an agent's verdict on this draft. */
  open(draftText: string): void {
    if (this.phase !== 'before') return;
    this.draftText = draftText;
    this.phase = 'open';
  }

  /** No decision can change anything any more: one counted, the deadline passed, or the ticket ended. */
  close(because: string): void {
    if (this.phase !== 'closed') this.closedBecause = because;
    this.phase = 'closed';
  }

  /** The ticket is finishing: nothing more will be decided or checked. */
  end(because: string): void {
    this.close(because);
    this.ended = true;
  }

  /**
   * A signed decision is checked once the draft it decides is known, or once it is known there will be none: so a
   * decision sent before review starts binds to the draft the agent is actually shown, and no other.
   */
  get readyToCheck(): boolean {
    return this.phase !== 'before';
  }

  /** What the caller of an edit waits for: the guardrails' say on it, or the end of the ticket. */
  get editSettled(): boolean {
    return this.editBlocked !== undefined || this.ended;
  }

  expectation(run: { workflowId: string; runId: string }): DecisionExpectation {
    return {
      kind: 'ticket_review',
      ...run,
      subject: null,
      ...(this.draftText !== null ? { draftText: this.draftText } : {}),
    };
  }

  /** Applies a verified (or refused) decision: the first valid one while the review is open counts. */
  apply(check: DecisionCheck): DecisionOutcome {
    if (!check.valid) return this.ignore(check.claimedIdentity ?? 'unknown', check.refusal);
    const who = check.identity;
    if (this.phase !== 'open') return this.ignore(who, `no review is open: ${this.closedBecause}`);
    if (this.decided) return this.ignore(who, `already decided: ${this.decided.decision} by ${this.decided.agentId}`);
    const decision = check.decision as AgentDecision['decision'];
    // The verifier bound the subject to the trimmed text; that exact text is what may be sent.
    const edited = decision === 'edit' ? String(check.payload?.editedReply ?? '').trim() : undefined;
    this.decided = { decision, agentId: who, note: check.reason, ...(edited ? { editedReply: edited } : {}) };
    const what = {
      approve: 'approved: the draft is sent',
      edit: 'edit accepted: it is sent if it passes the privacy guardrails',
      reject: 'rejected: the ticket escalates',
    }[decision];
    return { counted: true, reason: what, identity: who };
  }

  /** After the guardrails checked an edit: what its sender learns. */
  editOutcome(outcome: DecisionOutcome): DecisionOutcome {
    if (!outcome.counted || this.decided?.decision !== 'edit') return outcome;
    if (this.editBlocked === undefined)
      return { ...outcome, reason: 'edit counted but not sent: the ticket ended first' };
    if (this.editBlocked === null) return { ...outcome, reason: 'edit accepted and sent' };
    return { ...outcome, reason: `edit counted but not sent: ${this.editBlocked}; the ticket escalates` };
  }

  /** Histories from before signing: the first well-formed decision counts, whenever it arrived, as it did then. */
  receiveLegacy(decision: AgentDecision): boolean {
    if (this.decided) return false;
    this.legacy = true;
    this.decided = decision;
    return true;
  }

  private ignore(agentId: string, reason: string): DecisionOutcome {
    this.ignored.push({ agentId, reason });
    return { counted: false, reason, identity: agentId };
  }
}
