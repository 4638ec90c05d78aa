import type { Classification, Finding, Route, TicketStage, TicketStatus } from '../../domain/ticket';
import { showDetails } from '../audit';
import { TicketReview } from './review';

/** What the status query reports while the ticket runs; every stage change also refreshes the Web UI's details. */
export class TicketState {
  private currentStage: TicketStage = 'received';
  route: Route | null = null;
  intent: string | null = null;
  department: string | null = null;
  confidence: number | null = null;
  pendingQuestion: string | null = null;
  draftReply: string | null = null;
  findings: Finding[] = [];
  /** An agent's edit's own findings, once the guardrails checked it. */
  editFindings: Finding[] | null = null;
  readonly review = new TicketReview();
  /** The agent's verdict, or "expired" when the review deadline passed; for the details panel only. */
  verdict: string | null = null;
  escalated = false;

  constructor(
    readonly ticketId: string,
    readonly runId: string,
  ) {}

  get stage(): TicketStage {
    return this.currentStage;
  }

  set stage(stage: TicketStage) {
    this.currentStage = stage;
    this.publish();
  }

  classified(classification: Classification): void {
    this.intent = classification.intent;
    this.department = classification.department;
    this.confidence = classification.confidence;
  }

  /** Guardrail codes that block sending: what auditors search by. */
  failedGuardrails(): string[] {
    return [...new Set(this.findings.filter((f) => f.severity === 'error').map((f) => f.code))];
  }

  publish(): void {
    const failed = this.failedGuardrails();
    showDetails(`Ticket ${this.ticketId}: ${this.currentStage.replace(/_/g, ' ')}`, [
      this.intent && `Intent \`${this.intent}\` (${this.department}), confidence ${this.confidence?.toFixed(2)}`,
      this.route && `Route **${this.route}**`,
      failed.length > 0 && `Guardrails failed: ${failed.map((code) => `\`${code}\``).join(', ')}`,
      this.pendingQuestion !== null && 'Waiting for the customer to answer a clarifying question',
      this.verdict && `Agent review: ${this.verdict}`,
      this.review.ignored.length > 0 && `Decisions that did not count: ${this.review.ignored.length}`,
      this.escalated && 'Escalated to a person',
    ]);
  }

  snapshot(): TicketStatus {
    return {
      ticketId: this.ticketId,
      runId: this.runId,
      stage: this.currentStage,
      route: this.route,
      intent: this.intent,
      confidence: this.confidence,
      pendingQuestion: this.pendingQuestion,
      draftReply: this.draftReply,
      reviewDraft: this.currentStage === 'awaiting_agent' ? this.review.draftText : null,
      findings: this.findings,
    };
  }
}
