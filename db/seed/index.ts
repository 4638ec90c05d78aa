import type { Pool, PoolClient } from 'pg';
import { parseIsoDate } from './calendar';
import { creditPolicy, knowledgeArticles, plans } from './catalogue';
import { seedCompliance } from './compliance';
import { demoAccounts } from './demo-accounts';
import { seedNetwork } from './network';
import { generatedAccounts } from './population';
import { insertRows } from './sql';
import type { AccountRow, ChargeRow, CustomerRow, SeedSummary, SupportTicketRow } from './types';

export type { SeedSummary } from './types';

export interface SeedData {
  customers: CustomerRow[];
  accounts: AccountRow[];
  charges: (ChargeRow & { id: string })[];
  supportTickets: SupportTicketRow[];
}

const seededTables = [
  'plans',
  'customers',
  'accounts',
  'charges',
  'support_tickets',
  'knowledge_articles',
  'credit_policy',
];
// Operational history: reseeding the demo data must never wipe what workflows have already recorded.
const protectedTables = ['outbox', 'handoffs', 'model_calls', 'ticket_contexts'];

/** Every generated row for a reference date, without touching a database: the seed writes exactly this. */
export function buildSeedData(referenceDate: string): SeedData {
  parseIsoDate(referenceDate);
  const seeded = [...demoAccounts(referenceDate), ...generatedAccounts(referenceDate)];
  const charges = seeded.flatMap(({ account, charges: rows }) =>
    [...rows]
      .sort((a, b) => a.postedOn.localeCompare(b.postedOn) || a.kind.localeCompare(b.kind))
      .map((row, index) => ({ ...row, id: `CHG-${account.id.slice(4)}-${String(index + 1).padStart(3, '0')}` })),
  );
  const tickets = seeded
    .flatMap((s) => s.tickets)
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn) || a.accountId.localeCompare(b.accountId))
    .map((ticket, index) => ({ ...ticket, id: `ST-${30001 + index}` }));
  return {
    customers: seeded.map((s) => s.customer),
    accounts: seeded.map((s) => s.account),
    charges,
    supportTickets: tickets,
  };
}

/** TRUNCATE ... CASCADE would silently empty any table that references a seeded one; refuse if that includes history. */
async function assertNoCascadeIntoHistory(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ referencing: string }>(
    `SELECT DISTINCT c.conrelid::regclass::text AS referencing
       FROM pg_constraint c
      WHERE c.contype = 'f'
        AND c.confrelid::regclass::text = ANY($1::text[])
        AND c.conrelid::regclass::text = ANY($2::text[])`,
    [seededTables, protectedTables],
  );
  if (rows.length > 0) {
    throw new Error(`refusing to seed: TRUNCATE CASCADE would empty ${rows.map((r) => r.referencing).join(', ')}`);
  }
}

/** Replaces the demo data in one transaction. Reruns with the same reference date produce identical rows. */
export async function seed(
  pool: Pool,
  options: { referenceDate: string; referenceTime?: Date },
): Promise<SeedSummary & Record<string, number>> {
  const data = buildSeedData(options.referenceDate);
  // The network simulation needs a time of day, not just a date: its faults started minutes before "now".
  const referenceTime =
    options.referenceTime ?? new Date(`${options.referenceDate}T${new Date().toISOString().slice(11)}`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await assertNoCascadeIntoHistory(client);
    await client.query(`TRUNCATE TABLE ${seededTables.join(', ')} CASCADE`);
    const summary: SeedSummary = {
      plans: await insertRows(
        client,
        'plans',
        [
          'id',
          'name',
          'monthly_price',
          'data_gb',
          'roaming_mb',
          'included_countries',
          'roaming_overage_per_mb',
          'data_overage_per_gb',
          'description',
        ],
        plans.map((p) => [
          p.id,
          p.name,
          p.monthlyPrice,
          p.dataGb,
          p.roamingMb,
          p.includedCountries,
          p.roamingOveragePerMb,
          p.dataOveragePerGb,
          p.description,
        ]),
      ),
      customers: await insertRows(
        client,
        'customers',
        ['id', 'full_name', 'email', 'phone', 'postcode', 'created_at'],
        data.customers.map((c) => [c.id, c.fullName, c.email, c.phone, c.postcode, c.createdAt]),
      ),
      accounts: await insertRows(
        client,
        'accounts',
        ['id', 'customer_id', 'plan_id', 'status', 'opened_on'],
        data.accounts.map((a) => [a.id, a.customerId, a.planId, a.status, a.openedOn]),
      ),
      charges: await insertRows(
        client,
        'charges',
        ['id', 'account_id', 'posted_on', 'amount', 'kind', 'description', 'country', 'usage_mb'],
        data.charges.map((c) => [c.id, c.accountId, c.postedOn, c.amount, c.kind, c.description, c.country, c.usageMb]),
      ),
      supportTickets: await insertRows(
        client,
        'support_tickets',
        ['id', 'account_id', 'channel', 'subject', 'status', 'opened_on'],
        data.supportTickets.map((t) => [t.id, t.accountId, t.channel, t.subject, t.status, t.openedOn]),
      ),
      knowledgeArticles: await insertRows(
        client,
        'knowledge_articles',
        ['id', 'title', 'category', 'body', 'updated_on'],
        knowledgeArticles.map((k) => [k.id, k.title, k.category, k.body, k.updatedOn]),
      ),
      creditPolicy: await insertRows(
        client,
        'credit_policy',
        ['action', 'max_amount', 'max_percent', 'min_tenure_months', 'description'],
        creditPolicy.map((r) => [r.action, r.maxAmount, r.maxPercent, r.minTenureMonths, r.description]),
      ),
    };
    const network = await seedNetwork(client, referenceTime);
    const compliance = await seedCompliance(client, options.referenceDate);
    await client.query('COMMIT');
    return { ...summary, ...network, ...compliance };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
