import type { TicketInput } from '../../domain/ticket';

/** A ticket as a customer opens one in chat: the account it is about and their message. */
export const chatTicket = (accountId: string, message: string): Omit<TicketInput, 'ticketId'> => ({
  accountId,
  channel: 'chat',
  message,
});
