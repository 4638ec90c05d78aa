import type { Approval } from '../../domain/fault/alert';

export interface Verdict {
  kind: 'approve' | 'reject';
  approval: Approval;
}

/** Approvals arrive as signals at any time; this sorts them against the roster once the roster is known. */
export class ApprovalDesk {
  private readonly inbox: Verdict[] = [];
  readonly ignored: Array<{ approver: string; reason: string }> = [];
  decided: Verdict | null = null;
  /** An emergency approval that arrives while an approved action waits for its window. */
  emergencyBy: string | null = null;

  receive(verdict: Verdict): void {
    this.inbox.push(verdict);
  }

  /** Takes the first verdict from someone on the roster; everyone else's is kept for the record and ignored. */
  settle(roster: Set<string>): void {
    while (this.inbox.length) {
      const next = this.inbox.shift()!;
      if (!roster.has(next.approval.approver)) {
        this.ignored.push({ approver: next.approval.approver, reason: 'not on the on-call roster for this team' });
        continue;
      }
      if (!this.decided) this.decided = next;
      else if (next.kind === 'approve' && next.approval.emergency && this.decided.kind === 'approve') {
        this.emergencyBy = next.approval.approver;
      }
    }
  }
}
