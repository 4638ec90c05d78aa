import { log } from '@temporalio/workflow';
import {
  correctionsSchema,
  reviewSchema,
  type FactMismatch,
  type IgnoredReview,
  type IncidentFacts,
  type Review,
} from '../../domain/compliance/facts';
import type { DecisionCheck, DecisionOutcome } from '../../domain/decisions';
import { firstIssueLine } from '../../domain/zod-issues';

type Phase = 'extracting' | 'awaiting' | 'closed';

/**
 * Every review of a month's report, in one place. Signed reviews arrive verified (`apply`); reviews from histories
 * recorded before signing (`receiveLegacy`) keep their old meaning so those histories replay unchanged. Handlers
 * change state here; the workflow's wait conditions only read it.
 */
export class ReviewDesk {
  readonly ignored: IgnoredReview[] = [];
  /** The review that counts: the first valid one. */
  decided: Review | null = null;
  private phase: Phase = 'extracting';
  private closedBecause = '';
  private questioned = new Set<string>();

  /** The run now waits for a review of these mismatches. */
  open(mismatches: FactMismatch[]): void {
    this.questioned = new Set(mismatches.map((m) => m.incidentId));
    if (this.phase === 'extracting') this.phase = 'awaiting';
  }

  /** No review can change the report any more: none was needed, one counted, or the report is stored. */
  close(because: string): void {
    if (this.phase !== 'closed') this.closedBecause = because;
    this.phase = 'closed';
  }

  /** A signed review is checked once the run knows what it questions, or knows it never will. */
  get readyToCheck(): boolean {
    return this.phase !== 'extracting';
  }

  /** Applies a verified (or refused) review and says whether it counted. */
  apply(check: DecisionCheck): DecisionOutcome {
    if (!check.valid) return this.ignore(check.claimedIdentity ?? 'unknown', check.refusal);
    const who = check.identity;
    if (this.decided) return this.ignore(who, `a review by ${this.decided.reviewer} already counted`);
    if (this.phase === 'closed') return this.ignore(who, `too late: ${this.closedBecause}`);
    // The signature covers the corrections' hash, not their meaning: a signed `type: "breach-ish"` is still refused.
    const parsed = correctionsSchema.safeParse(check.payload?.corrections);
    if (!parsed.success) {
      return this.ignore(who, `invalid corrections: ${firstIssueLine(parsed.error, { root: '' })}`);
    }
    const stray = parsed.data.find((c) => !this.questioned.has(c.incidentId));
    if (stray) return this.ignore(who, `${stray.incidentId} is not an incident this review questions`);
    this.decided = { reviewer: who, corrections: parsed.data };
    return { counted: true, reason: `confirmed with ${parsed.data.length} corrections`, identity: who };
  }

  /** Histories from before signing: the first well-formed review counted, whoever it named, as it did then. */
  receiveLegacy(value: unknown): void {
    const result = reviewSchema.safeParse(value);
    if (result.success && !this.decided) this.decided = result.data;
    else log.warn('ignored review signal', { valid: result.success });
  }

  private ignore(reviewer: string, reason: string): DecisionOutcome {
    this.ignored.push({ reviewer, reason });
    return { counted: false, reason, identity: reviewer };
  }
}

/**
 * The corrected facts. Verbatim from before signing, so legacy reviews apply as they did; signed reviews reach it
 * only after `correctionsSchema` has checked every value.
 */
export function applyCorrections(facts: IncidentFacts[], review: Review): IncidentFacts[] {
  return facts.map((f) => {
    const fixed: IncidentFacts = { ...f };
    for (const c of review.corrections.filter((x) => x.incidentId === f.incidentId)) {
      if (c.field === 'customersAffected') fixed.customersAffected = c.value === null ? null : Number(c.value);
      else if (c.field === 'type') fixed.type = c.value as IncidentFacts['type'];
      else if (c.field === 'date' && c.value) fixed.date = c.value;
      else if (c.field === 'dateReported') fixed.dateReported = c.value;
    }
    return fixed;
  });
}
