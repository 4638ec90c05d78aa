import { Context } from '@temporalio/activity';
import { z } from 'zod';
import type { FlaggedAccount, FraudSummary } from '../../domain/fraud/summary';
import type { ModelCallRecord } from '../../domain/model-call';
import { recordCall } from '../audit/model-calls';
import { exchangeOf } from '../audit/sampling';
import { parseInput } from '../boundary';
import type { FraudActivityDeps } from '.';
import { accountId, isoDate, pendingFlags, queueSummary } from './queue';
import { fraudSummaryWireSchema, summariseRequest } from './summarise-request';

/** The most accounts one provider batch carries: well inside Anthropic's 100,000 requests and 256 MB. */
export const maxFraudBatchAccounts = 10_000;

const batchInput = z.object({ sweepDate: isoDate, accountIds: z.array(accountId).min(1).max(maxFraudBatchAccounts) });
const fetchInput = batchInput.extend({ batchId: z.string().min(1).max(200) });

/** A batch item's custom_id: letters, digits and "-" only, as every provider's batch API accepts. */
const customIdOf = (account: string) => `account-${account}`;

export interface FraudBatchOutcome {
  queued: number;
  unverified: number;
  costUsd: number;
  /** Items the batch did not answer with a valid summary (errored, expired, or failing the schema): summarised again synchronously, with the gateway's one repair. */
  resummarised: number;
}

/**
 * The sweep's batch mode: the same summary requests as `summariseFraudBatch`, sent through the provider's Message
 * Batches API at half price. Submit and fetch are separate activities; the wait between them is the workflow's
 * (workflows/batch/wait.ts), with `modelBatchStatus` as its poll.
 */
export function createFraudBatchActivities({ pool, gateway, prompts, audit }: FraudActivityDeps) {
  return {
    /** One provider batch of the accounts' summary requests; accounts already queued are left out (null: none left). */
    async submitFraudSummaryBatch(input: {
      sweepDate: string;
      accountIds: string[];
    }): Promise<{ batchId: string | null; submitted: number }> {
      const { sweepDate, accountIds } = parseInput(batchInput, input, 'submitFraudSummaryBatch');
      const pending = await pendingFlags(pool, sweepDate, accountIds);
      if (!pending.length) return { batchId: null, submitted: 0 };
      const { batchId } = await gateway.submitBatch(
        pending.map((account) => ({
          customId: customIdOf(account.accountId),
          request: summariseRequest(prompts.summariseFraud, account),
        })),
      );
      return { batchId, submitted: pending.length };
    },

    /**
     * Fetches the batch's results and queues each account exactly as the synchronous path does: the same schema (the
     * gateway parses each item), the same invented-figures check, the same row. An item without a valid summary gets
     * the synchronous call the batch could not make, repair included. Accounts already queued (by an earlier attempt
     * of this activity) are skipped, so a retry neither queues nor records a call twice.
     */
    async queueFraudSummaryBatch(input: {
      sweepDate: string;
      batchId: string;
      accountIds: string[];
    }): Promise<FraudBatchOutcome> {
      const { sweepDate, batchId, accountIds } = parseInput(fetchInput, input, 'queueFraudSummaryBatch');
      const template = prompts.summariseFraud;
      const outcomes = await gateway.batchResults(batchId, fraudSummaryWireSchema, {
        task: 'summarise_fraud',
        prompt: template,
      });
      const byCustomId = new Map(outcomes.map((outcome) => [outcome.customId, outcome]));
      const totals: FraudBatchOutcome = { queued: 0, unverified: 0, costUsd: 0, resummarised: 0 };
      const queue = async (account: FlaggedAccount, summary: FraudSummary, call: ModelCallRecord) => {
        const done = await queueSummary(pool, sweepDate, account, summary, call);
        totals.queued += done.queued;
        totals.unverified += done.unverified ? 1 : 0;
      };
      for (const account of await pendingFlags(pool, sweepDate, accountIds)) {
        const request = summariseRequest(template, account);
        const outcome = byCustomId.get(customIdOf(account.accountId));
        if (outcome?.record) {
          // Billed whether or not it parsed: recorded at the batch price either way.
          const exchange = outcome.output
            ? exchangeOf(request, { rawText: JSON.stringify(outcome.output) })
            : undefined;
          await recordCall(pool, outcome.record, audit, exchange);
          totals.costUsd += outcome.record.costUsd;
        }
        if (outcome?.output && outcome.record) {
          await queue(account, outcome.output, outcome.record);
        } else {
          const response = await gateway.call(request);
          await recordCall(pool, response.record, audit, exchangeOf(request, response));
          totals.costUsd += response.record.costUsd;
          totals.resummarised += 1;
          await queue(account, response.output, response.record);
        }
        Context.current().heartbeat(account.accountId);
      }
      return totals;
    },
  };
}
