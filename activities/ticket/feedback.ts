import type { Pool } from 'pg';

const uniqueViolation = '23505';

/** A customer's verdict on a ticket's answer, once per ticket: false when the ticket already has one. */
export async function recordTicketFeedback(
  pool: Pool,
  feedback: { ticketId: string; workflowId: string; helpful: boolean; comment: string | null },
): Promise<boolean> {
  try {
    await pool.query('INSERT INTO ticket_feedback (ticket_id, workflow_id, helpful, comment) VALUES ($1, $2, $3, $4)', [
      feedback.ticketId,
      feedback.workflowId,
      feedback.helpful,
      feedback.comment,
    ]);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === uniqueViolation) return false;
    throw error;
  }
}
