import type { Approval } from '../../domain/fault/alert';
import type { DecisionCheck, DecisionOutcome } from '../../domain/decisions';
import type { FaultPolicy } from '../../domain/fault/policy';

export interface Verdict {
  kind: 'approve' | 'reject';
  approval: Approval;
}

type Phase = 'diagnosing' | 'awaiting' | 'deferred' | 'closed';

/**
 * Every decision on a fault, in one place. Signed decisions arrive verified (`apply`); decisions from histories
 * recorded before signing (`receiveLegacy`) keep their old meaning so those histories replay unchanged. Handlers
 * change state here; the workflow's wait conditions only read it.
 */
export class FaultDesk {
  readonly ignored: Array<{ approver: string; reason: string }> = [];
  decided: Verdict | null = null;
  vetoedBy: Verdict | null = null;
  /** What a signed decision must name: `action@device`, once the run waits for one. */
  subject: string | null = null;
  private phase: Phase = 'diagnosing';
  private closedBecause = '';
  private tiers = new Map<string, number>();
  private readonly emergencyApprovers = new Map<string, number>();
  private readonly legacyInbox: Verdict[] = [];
  private legacy = false;
  /** Legacy only: an emergency approval that arrived while an approved action waited for its window. */
  private legacyEmergencyBy: string | null = null;

  constructor(private readonly policy: FaultPolicy) {}

  /** The run now waits for a decision on `subject` from this roster. */
  open(subject: string, roster: Array<{ tier: number; engineers: string[] }>): void {
    this.subject = subject;
    this.tiers = new Map(roster.flatMap(({ tier, engineers }) => engineers.map((id) => [id, tier] as const)));
    this.phase = 'awaiting';
    this.settleLegacy();
  }

  defer(): void {
    if (this.phase === 'awaiting') this.phase = 'deferred';
  }

  /** No decision can change anything any more: execution started, or the run ended. */
  close(because: string): void {
    if (this.phase !== 'closed') this.closedBecause = because;
    this.phase = 'closed';
  }

  /** A signed decision may be checked once the run knows what it decides, or knows it never will. */
  get readyToCheck(): boolean {
    return this.subject !== null || this.phase === 'closed';
  }

  get emergencyAllowed(): boolean {
    if (this.decided?.kind !== 'approve') return false;
    // Before signing, one engineer's word was enough; those histories must replay as they ran.
    if (this.legacy) return this.decided.approval.emergency === true || this.legacyEmergencyBy !== null;
    const tiers = [...this.emergencyApprovers.values()];
    return tiers.length >= this.policy.emergencyApprovers || tiers.some((t) => t >= this.policy.emergencyMinTier);
  }

  /** Applies a verified (or refused) decision and says whether it counted. */
  apply(check: DecisionCheck, via: 'approve' | 'reject' | 'update'): DecisionOutcome {
    if (!check.valid) return this.ignore(check.claimedIdentity ?? 'unknown', check.refusal);
    const who = check.identity;
    const kind = check.decision === 'reject' ? 'reject' : 'approve';
    if (via !== 'update' && via !== kind) return this.ignore(who, `a signed ${kind} sent as the ${via} signal`);
    const tier = this.tiers.get(who);
    if (tier === undefined) return this.ignore(who, 'not on the on-call roster for this team');
    if (this.phase === 'closed') return this.ignore(who, `too late: ${this.closedBecause}`);
    const verdict: Verdict = {
      kind,
      approval: { approver: who, reason: check.reason, ...(check.emergency ? { emergency: true } : {}) },
    };
    if (kind === 'reject') {
      if (!this.decided) this.decided = verdict;
      else if (this.decided.kind === 'approve' && !this.vetoedBy) this.vetoedBy = verdict;
      return { counted: true, reason: this.vetoedBy === verdict ? 'vetoed the approval' : 'rejected', identity: who };
    }
    if (check.emergency) this.emergencyApprovers.set(who, tier);
    if (!this.decided) this.decided = verdict;
    else if (this.decided.kind === 'reject') return this.ignore(who, 'already rejected');
    const emergency = check.emergency ? (this.emergencyAllowed ? ': emergency granted' : ': emergency pending') : '';
    return { counted: true, reason: `approved${emergency}`, identity: who };
  }

  /** Histories from before signing: the first roster member's verdict counts, as it did then. */
  receiveLegacy(verdict: Verdict): void {
    this.legacy = true;
    this.legacyInbox.push(verdict);
    this.settleLegacy();
  }

  private settleLegacy(): void {
    if (!this.tiers.size) return;
    while (this.legacyInbox.length) {
      const next = this.legacyInbox.shift()!;
      if (!this.tiers.has(next.approval.approver)) {
        this.ignore(next.approval.approver, 'not on the on-call roster for this team');
      } else if (!this.decided) this.decided = next;
      else if (next.kind === 'approve' && next.approval.emergency && this.decided.kind === 'approve') {
        this.legacyEmergencyBy = next.approval.approver;
      }
    }
  }

  private ignore(approver: string, reason: string): DecisionOutcome {
    this.ignored.push({ approver, reason });
    return { counted: false, reason, identity: approver };
  }
}
