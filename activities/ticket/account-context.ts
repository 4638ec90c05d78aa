import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { accountContextSchema, type AccountContext } from '../../domain/account';
import { ErrorTypes } from '../../domain/errors';

const isoDate = (value: Date | string) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10));

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** Reads the account's facts from CRM and billing. `today` is passed in so the snapshot is reproducible. */
export async function readAccountContext(pool: Pool, accountId: string, today: string): Promise<AccountContext> {
  const account = await pool.query(
    `SELECT a.id, a.status, a.opened_on::text AS opened_on, c.id AS customer_id, c.full_name, c.email, c.phone,
            p.id AS plan_id, p.name AS plan_name, p.monthly_price::float8 AS monthly_price, p.data_gb, p.roaming_mb,
            p.included_countries, p.roaming_overage_per_mb::float8 AS roaming_rate,
            p.data_overage_per_gb::float8 AS data_rate
       FROM accounts a JOIN customers c ON c.id = a.customer_id JOIN plans p ON p.id = a.plan_id
      WHERE a.id = $1`,
    [accountId],
  );
  const row = account.rows[0];
  if (!row) {
    throw ApplicationFailure.create({
      type: ErrorTypes.NotFound,
      message: `unknown account ${accountId}`,
      nonRetryable: true,
    });
  }
  const [charges, tickets] = await Promise.all([
    pool.query(
      `SELECT id, posted_on::text AS posted_on, amount::float8 AS amount, kind, description, country,
              usage_mb::float8 AS usage_mb
         FROM charges WHERE account_id = $1 AND posted_on > $2::date - 90 ORDER BY posted_on DESC, id`,
      [accountId, today],
    ),
    pool.query(
      `SELECT id, subject, opened_on::text AS opened_on FROM support_tickets
        WHERE account_id = $1 AND status <> 'closed' ORDER BY opened_on DESC LIMIT 10`,
      [accountId],
    ),
  ]);
  return accountContextSchema.parse({
    accountId: row.id,
    customerRef: row.customer_id,
    firstName: String(row.full_name).split(' ')[0],
    status: row.status,
    openedOn: isoDate(row.opened_on),
    tenureMonths: monthsBetween(isoDate(row.opened_on), today),
    plan: {
      id: row.plan_id,
      name: row.plan_name,
      monthlyPrice: row.monthly_price,
      dataGb: row.data_gb,
      roamingMb: row.roaming_mb,
      includedCountries: row.included_countries,
      roamingOveragePerMb: row.roaming_rate,
      dataOveragePerGb: row.data_rate,
    },
    recentCharges: charges.rows.map((c) => ({
      id: c.id,
      postedOn: c.posted_on,
      amount: c.amount,
      kind: c.kind,
      description: c.description,
      country: c.country,
      usageMb: c.usage_mb,
    })),
    openTickets: tickets.rows.map((t) => ({ id: t.id, subject: t.subject, openedOn: t.opened_on })),
    contact: { email: row.email, phone: row.phone },
  });
}

export async function saveContextSnapshot(pool: Pool, ref: string, ticketId: string, context: AccountContext) {
  // Retries reuse the same ref, so the first snapshot wins and later steps see the facts the ticket started with.
  await pool.query(
    `INSERT INTO ticket_contexts (ref, ticket_id, account_id, snapshot) VALUES ($1, $2, $3, $4)
     ON CONFLICT (ref) DO NOTHING`,
    [ref, ticketId, context.accountId, JSON.stringify(context)],
  );
}

export async function loadContextSnapshot(pool: Pool, ref: string): Promise<AccountContext> {
  const result = await pool.query('SELECT snapshot FROM ticket_contexts WHERE ref = $1', [ref]);
  if (!result.rows[0]) {
    throw ApplicationFailure.create({
      type: ErrorTypes.NotFound,
      message: `unknown context ${ref}`,
      nonRetryable: true,
    });
  }
  return accountContextSchema.parse(result.rows[0].snapshot);
}

export async function loadCreditPolicy(pool: Pool) {
  const result = await pool.query(
    `SELECT action, max_amount::float8 AS "maxAmount", max_percent::float8 AS "maxPercent",
            min_tenure_months AS "minTenureMonths", description FROM credit_policy ORDER BY action`,
  );
  return result.rows;
}
