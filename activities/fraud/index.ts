import { Context } from '@temporalio/activity';
import type { Pool } from 'pg';
import { z } from 'zod';
import { activityDecisionKey, appendDecision, personActor } from '../audit/decisions';
import { recordCall } from '../audit/model-calls';
import { exchangeOf, type AuditSampling } from '../audit/sampling';
import { parseInput } from '../boundary';
import type { ModelGateway } from '../model/contract';
import type { PromptTemplate } from '../model/prompt-library';
import { inTransaction } from '../transaction';
import { createFraudBatchActivities } from './batch';
import { detectAnomalies } from './detect';
import { accountId, isoDate, pendingFlags, queueSummary } from './queue';
import { summariseRequest } from './summarise-request';

/** Verdicts an analyst may sign; the workflow passes one on only after the verifier has checked the signature. */
export const fraudVerdicts = ['confirmed_fraud', 'investigating', 'closed_legitimate'] as const;
const decisionInput = z.object({
  sweepDate: isoDate,
  accountId,
  decision: z.enum(fraudVerdicts),
  /** The verified identity from the signed verdict (before signing: the name the caller gave). */
  analyst: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/),
});
export type AnalystDecision = z.infer<typeof decisionInput>;

export interface FraudActivityDeps {
  pool: Pool;
  gateway: ModelGateway;
  prompts: { summariseFraud: PromptTemplate };
  audit?: AuditSampling;
}

export function createFraudActivities({ pool, gateway, prompts, audit }: FraudActivityDeps) {
  return {
    ...createFraudBatchActivities({ pool, gateway, prompts, audit }),

    /** Runs detection once per date and stores the flags; a re-run of the date finds them already there. */
    async detectFraud(input: { sweepDate: string }): Promise<{ scanned: number; flagged: number }> {
      const sweepDate = parseInput(isoDate, input.sweepDate, 'detectFraud');
      const flags = await detectAnomalies(pool, sweepDate);
      const byAccount = new Map<string, { patterns: string[]; evidence: Record<string, unknown> }>();
      for (const flag of flags) {
        const entry = byAccount.get(flag.accountId) ?? { patterns: [], evidence: {} };
        entry.patterns.push(flag.pattern);
        entry.evidence[flag.pattern] = flag.evidence;
        byAccount.set(flag.accountId, entry);
      }
      await pool.query(
        `INSERT INTO fraud_sweep_flags (sweep_date, account_id, patterns, evidence, plan_type)
         SELECT $1, f.account_id, f.patterns, f.evidence, a.plan_type
           FROM jsonb_to_recordset($2::jsonb) AS f(account_id bigint, patterns text[], evidence jsonb)
           JOIN fraud_accounts a ON a.id = f.account_id
         ON CONFLICT DO NOTHING`,
        [sweepDate, JSON.stringify([...byAccount].map(([id, e]) => ({ account_id: id, ...e })))],
      );
      const scanned = Number((await pool.query('SELECT count(*) AS n FROM fraud_accounts')).rows[0].n);
      return { scanned, flagged: byAccount.size };
    },

    /** The next accounts still to summarise, after a cursor: the workflow pages through them in bounded batches. */
    async nextFraudBatch(input: {
      sweepDate: string;
      after: string;
      limit: number;
    }): Promise<{ accountIds: string[] }> {
      const result = await pool.query(
        `SELECT f.account_id::text AS id FROM fraud_sweep_flags f
          WHERE f.sweep_date = $1 AND f.account_id > $2::bigint ORDER BY f.account_id LIMIT $3`,
        [parseInput(isoDate, input.sweepDate, 'nextFraudBatch'), input.after, input.limit],
      );
      return { accountIds: result.rows.map((row) => row.id as string) };
    },

    /** Summarises and queues each account once: an account already queued (by a retry or a re-run) is skipped. */
    async summariseFraudBatch(input: { sweepDate: string; accountIds: string[] }) {
      const sweepDate = parseInput(isoDate, input.sweepDate, 'summariseFraudBatch');
      const ids = parseInput(z.array(accountId).max(500), input.accountIds, 'summariseFraudBatch');
      const pending = await pendingFlags(pool, sweepDate, ids);
      let queued = 0;
      let unverified = 0;
      let costUsd = 0;
      for (const account of pending) {
        const request = summariseRequest(prompts.summariseFraud, account);
        const response = await gateway.call(request);
        await recordCall(pool, response.record, audit, exchangeOf(request, response));
        const done = await queueSummary(pool, sweepDate, account, response.output, response.record);
        queued += done.queued;
        unverified += done.unverified ? 1 : 0;
        costUsd += response.record.costUsd;
        Context.current().heartbeat(account.accountId);
      }
      return { queued, skipped: ids.length - pending.length, unverified, costUsd };
    },

    /**
     * An analyst's decision; closing as legitimate allowlists the account's patterns for later sweeps. The decision,
     * the allowlist and the audit row commit together.
     */
    async recordAnalystDecision(input: AnalystDecision): Promise<{ updated: boolean; allowlisted: number }> {
      const d = parseInput(decisionInput, input, 'recordAnalystDecision');
      const site = activityDecisionKey('fraud.analyst_decision');
      return inTransaction(pool, async (client) => {
        const updated = await client.query(
          `UPDATE fraud_review_queue SET status = $3, decided_by = $4, decided_at = now()
            WHERE sweep_date = $1 AND account_id = $2 RETURNING patterns`,
          [d.sweepDate, d.accountId, d.decision, d.analyst],
        );
        if (!updated.rows[0]) return { updated: false, allowlisted: 0 };
        const allowed =
          d.decision === 'closed_legitimate'
            ? await client.query(
                `INSERT INTO fraud_allowlist (account_id, pattern, reason, decided_by)
                 SELECT $1, unnest($2::text[]), 'closed as legitimate by an analyst', $3 ON CONFLICT DO NOTHING`,
                [d.accountId, updated.rows[0].patterns, d.analyst],
              )
            : { rowCount: 0 };
        const allowlisted = allowed.rowCount ?? 0;
        await appendDecision(client, {
          action: 'fraud.analyst_decision',
          actor: personActor('analyst', d.analyst),
          details: { sweepDate: d.sweepDate, accountId: d.accountId, decision: d.decision, allowlisted },
          ...site,
        });
        return { updated: true, allowlisted };
      });
    },
  };
}

export type FraudActivities = ReturnType<typeof createFraudActivities>;
