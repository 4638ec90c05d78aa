import type { Classification, Finding, Route, TicketStage, TicketStatus } from '../../domain/ticket';

/** What the status query reports while the ticket runs. */
export class TicketState {
  stage: TicketStage = 'received';
  route: Route | null = null;
  intent: string | null = null;
  confidence: number | null = null;
  pendingQuestion: string | null = null;
  draftReply: string | null = null;
  findings: Finding[] = [];

  constructor(readonly ticketId: string) {}

  classified(classification: Classification): void {
    this.intent = classification.intent;
    this.confidence = classification.confidence;
  }

  snapshot(): TicketStatus {
    return {
      ticketId: this.ticketId,
      stage: this.stage,
      route: this.route,
      intent: this.intent,
      confidence: this.confidence,
      pendingQuestion: this.pendingQuestion,
      draftReply: this.draftReply,
      findings: this.findings,
    };
  }
}
