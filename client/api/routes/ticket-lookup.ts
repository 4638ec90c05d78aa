import { z } from 'zod';
import { ticketInputSchema } from '../../../domain/ticket';
import { ticketWorkflowId } from '../../tickets';
import type { ApiContext } from '../context';

export const ticketParams = z.object({ id: ticketInputSchema.shape.ticketId }).strict();

/** The execution's status; whether a ticket exists is Temporal's to say (describe throws, which maps to 404). */
export async function ticketExecution(context: ApiContext, ticketId: string): Promise<string> {
  const description = await context.client.workflow.getHandle(ticketWorkflowId(ticketId)).describe();
  return description.status.name;
}
