import { Context } from '@temporalio/activity';
import { z } from 'zod';
import type { Pool } from 'pg';
import type { ModelCallRecord } from '../../domain/model-call';
import type { Taxonomy } from '../../domain/taxonomy';
import type { Classification } from '../../domain/ticket';
import { recordModelCall } from '../audit/model-calls';
import { parseInput } from '../boundary';
import type { ModelGateway } from '../model/contract';
import type { PromptTemplate } from '../model/prompt-library';
import { classifyRequest, taxonomyClassificationSchema } from '../ticket/model-tasks';

/** Anthropic's rule for custom_id, applied to every provider so a batch can move between them. */
const customId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'customId must be 1-64 letters, digits, "_" or "-"');
export const classificationBatchInput = z.object({
  items: z
    .array(z.object({ customId, conversation: z.array(z.string().min(1).max(8000)).min(1).max(5) }))
    .min(1)
    .max(10_000)
    .refine((items) => new Set(items.map((i) => i.customId)).size === items.length, 'customIds must be unique'),
});
const batchIdInput = z.object({ batchId: z.string().min(1).max(200) });

export interface BatchItemOutcome {
  customId: string;
  classification: Classification | null;
  error: string | null;
  call: ModelCallRecord | null;
}

export interface BatchActivityDeps {
  pool: Pool;
  gateway: ModelGateway;
  taxonomy: Taxonomy;
  prompts: { classify: PromptTemplate };
}

/** Submit, poll and fetch are separate activities so the wait between them is a durable workflow timer. */
export function createBatchActivities({ pool, gateway, taxonomy, prompts }: BatchActivityDeps) {
  return {
    async submitClassificationBatch(input: z.input<typeof classificationBatchInput>): Promise<{ batchId: string }> {
      const { items } = parseInput(classificationBatchInput, input, 'submitClassificationBatch');
      return gateway.submitBatch(
        items.map((item) => ({
          customId: item.customId,
          request: classifyRequest(prompts.classify, taxonomy, item.conversation),
        })),
      );
    },

    async modelBatchStatus(input: { batchId: string }) {
      const { batchId } = parseInput(batchIdInput, input, 'modelBatchStatus');
      return gateway.batchStatus(batchId);
    },

    async fetchClassificationBatch(input: { batchId: string }): Promise<{ results: BatchItemOutcome[] }> {
      const { batchId } = parseInput(batchIdInput, input, 'fetchClassificationBatch');
      const outcomes = await gateway.batchResults(batchId, taxonomyClassificationSchema(taxonomy), {
        task: 'classify_intent',
        prompt: prompts.classify,
      });
      const info = Context.current().info;
      const site = {
        workflowId: info.workflowExecution?.workflowId ?? `standalone:${info.activityId}`,
        activityId: info.activityId,
        attempt: info.attempt,
      };
      for (const outcome of outcomes) if (outcome.record) await recordModelCall(pool, site, outcome.record);
      return {
        results: outcomes.map((outcome) => ({
          customId: outcome.customId,
          classification: outcome.output ?? null,
          error: outcome.error ?? null,
          call: outcome.record ?? null,
        })),
      };
    },
  };
}
