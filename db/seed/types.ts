import type { Charge } from '../../domain/account';

export interface CustomerRow {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  postcode: string;
  createdAt: string;
}

export interface AccountRow {
  id: string;
  customerId: string;
  planId: string;
  status: 'active' | 'suspended' | 'closed';
  openedOn: string;
}

export interface ChargeRow extends Omit<Charge, 'id'> {
  accountId: string;
}

export interface SupportTicketRow {
  id: string;
  accountId: string;
  channel: 'chat' | 'email' | 'ivr';
  subject: string;
  status: 'open' | 'pending' | 'closed';
  openedOn: string;
}

/** One account's rows before charge ids are assigned; ids are numbered per account in date order. */
export interface SeededAccount {
  customer: CustomerRow;
  account: AccountRow;
  charges: ChargeRow[];
  tickets: Omit<SupportTicketRow, 'id'>[];
}

export interface SeedSummary {
  plans: number;
  customers: number;
  accounts: number;
  charges: number;
  supportTickets: number;
  knowledgeArticles: number;
  creditPolicy: number;
}
