/**
 * Ready-made visibility queries for auditors: the README's docs/saved-queries.md shows these exact strings and the
 * visibility e2e test runs them, so the documentation cannot drift from what the workflows set.
 */
export interface SavedQuery {
  /** The question an auditor asks. */
  question: string;
  /** Paste into the Web UI's search box, `temporal workflow list --query`, or `client.workflow.list({ query })`. */
  query: string;
  /** Search attributes worth adding as columns in the Web UI for this question. */
  columns: string[];
}

export const savedQueries = {
  approvedFaultActions: {
    question: 'Destructive or risky network actions an on-call engineer approved, and who approved them',
    query: "UseCase='fault' AND Decision='approved'",
    columns: ['Approver', 'Intent', 'AccountRef', 'Confidence'],
  },
  rejectedFaultActions: {
    question: 'Network actions an engineer refused, and who refused them',
    query: "UseCase='fault' AND Decision='rejected'",
    columns: ['Approver', 'Intent', 'AccountRef'],
  },
  unansweredFaultApprovals: {
    question: 'Faults where nobody on the roster decided in time, so nothing was done',
    query: "UseCase='fault' AND Decision='expired'",
    columns: ['Intent', 'AccountRef'],
  },
  escalatedAfterGuardrail: {
    question: 'Tickets escalated to a person after a draft failed a guardrail',
    query: "UseCase='ticket' AND Route='escalate' AND Guardrails IS NOT NULL",
    columns: ['Guardrails', 'Decision', 'Approver', 'Intent', 'AccountRef'],
  },
  creditGuardrail: {
    question: 'Tickets whose draft offered more credit than policy allows (prompt-injection attempts land here)',
    query: "UseCase='ticket' AND Guardrails='credit_exceeds_policy'",
    columns: ['Route', 'Decision', 'Approver'],
  },
  ticketsInReview: {
    question: 'Tickets routed to an agent for review',
    query: "UseCase='ticket' AND Route='review'",
    columns: ['Decision', 'Approver', 'Intent', 'Confidence'],
  },
  ticketsSentAutomatically: {
    question: 'Tickets answered without a person, with the confidence that allowed it',
    query: "UseCase='ticket' AND Route='send'",
    columns: ['Intent', 'Confidence', 'ModelId', 'PromptVersion'],
  },
  agentRejections: {
    question: 'Drafts an agent rejected, and which agent',
    query: "UseCase='ticket' AND Decision='reject'",
    columns: ['Approver', 'Guardrails', 'Intent'],
  },
  expiredReviews: {
    question: 'Reviews nobody picked up before the deadline',
    query: "UseCase='ticket' AND Decision='expired'",
    columns: ['Intent', 'Department'],
  },
  waitingForAPerson: {
    question: 'Cases waiting for a person right now',
    query: "ExecutionStatus='Running' AND (Route='review' OR Decision='approval')",
    columns: ['UseCase', 'Route', 'Decision', 'AccountRef'],
  },
  expensiveTickets: {
    question: 'Tickets that cost more than five cents of model time',
    query: "UseCase='ticket' AND CostUsd > 0.05",
    columns: ['CostUsd', 'ModelId', 'Intent'],
  },
  failedAcmaReports: {
    question: 'Monthly ACMA data-breach reports that found a late or overdue notification',
    query: "UseCase='acma_report' AND Decision='FAIL'",
    columns: ['Approver', 'CostUsd'],
  },
  confirmedFraud: {
    question: 'Accounts an analyst confirmed as fraud, and which analyst',
    query: "UseCase='fraud_decision' AND Decision='confirmed_fraud'",
    columns: ['AccountRef', 'Approver'],
  },
} as const satisfies Record<string, SavedQuery>;

export type SavedQueryName = keyof typeof savedQueries;

/** Narrows a saved query to workflows that closed in [from, to), e.g. last month: ISO timestamps in UTC. */
export function closedBetween(query: string, from: string, to: string): string {
  return `${query} AND CloseTime >= '${from}' AND CloseTime < '${to}'`;
}
