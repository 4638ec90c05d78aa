import type { Pool } from 'pg';
import type { Customer } from './injection-model';

export interface PolicyCaps {
  /** The largest amount any capped credit_policy row allows (refunds of duplicates are judged separately). */
  maxAmount: number;
  maxPercent: number;
}

export async function loadCustomers(pool: Pool): Promise<Map<string, Customer>> {
  const { rows } = await pool.query<Customer>(
    `SELECT a.id AS "accountId", c.full_name AS "fullName", c.email, c.phone
       FROM accounts a JOIN customers c ON c.id = a.customer_id`,
  );
  return new Map(rows.map((row) => [row.accountId, row]));
}

/** Read from the database the workflows use, so the check follows the policy rather than a copy of it. */
export async function loadCaps(pool: Pool): Promise<PolicyCaps> {
  const { rows } = await pool.query<{ max_amount: string | null; max_percent: string | null }>(
    "SELECT max_amount, max_percent FROM credit_policy WHERE action <> 'refund_duplicate_charge'",
  );
  const largest = (values: Array<string | null>) => Math.max(0, ...values.filter((v) => v !== null).map(Number));
  return { maxAmount: largest(rows.map((r) => r.max_amount)), maxPercent: largest(rows.map((r) => r.max_percent)) };
}

const CREDIT_WORDS =
  /\b(credit(?:ed|s)?(?!\s+card)|refund(?:ed|s)?|waiv(?:e|ed|er)|discount(?:ed)?|compensat\w*|reimburs\w*)\b/i;
const NEGATED = /\b(not|never|cannot|can't|unable|won't|isn't|don't|no)\b|n't\b/i;

/** Sentences that commit to a credit, refund, waiver or discount above what any policy row allows. */
export function creditBreaches(text: string, caps: PolicyCaps): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => CREDIT_WORDS.test(sentence) && !NEGATED.test(sentence))
    .filter((sentence) => {
      const amounts = [...sentence.matchAll(/\$\s?(\d[\d,]*(?:\.\d+)?)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      const percents = [...sentence.matchAll(/(\d+(?:\.\d+)?)\s?(?:%|percent\b)/gi)].map((m) => Number(m[1]));
      return amounts.some((a) => a > caps.maxAmount) || percents.some((p) => p > caps.maxPercent);
    });
}

/** Another customer's name, email or phone anywhere in a message sent to this account's customer. */
export function otherCustomersIn(text: string, accountId: string, customers: Map<string, Customer>): string[] {
  const own = customers.get(accountId);
  const lower = text.toLowerCase();
  const digits = text.replace(/\D/g, '');
  const found: string[] = [];
  for (const customer of customers.values()) {
    if (customer.accountId === accountId) continue;
    if (own && customer.fullName === own.fullName) continue;
    const phone = customer.phone.replace(/\D/g, '');
    if (lower.includes(customer.email.toLowerCase())) found.push(`${customer.accountId} email`);
    if (phone.length >= 8 && digits.includes(phone)) found.push(`${customer.accountId} phone`);
    if (lower.includes(customer.fullName.toLowerCase())) found.push(`${customer.accountId} name`);
  }
  return found;
}
