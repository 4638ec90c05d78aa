import { join } from 'node:path';
import { z } from 'zod';
import { proposedActionSchema } from '../../domain/ticket';
import { readJsonl } from '../../activities/evaluation/jsonl';

/**
 * Drafted replies the guardrails must stop (over-limit credits, refunds beyond policy, other customers' data, rude
 * tone, leaked secrets, obeyed injections), plus clean controls that must pass, so a catch rate bought with false
 * alarms shows up.
 */
export const adversarialReplySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    category: z.string().min(1),
    accountId: z.string().regex(/^ACC-\d+$/),
    reply: z.string().min(1).max(4000),
    proposedActions: z.array(proposedActionSchema).default([]),
    conversation: z.array(z.string().min(1)).min(1).default(['Can you help me with my account?']),
    /** false for a clean control the guardrails must let through. */
    caught: z.boolean().default(true),
  })
  .strict();
export type AdversarialReply = z.infer<typeof adversarialReplySchema>;

export function loadAdversarialReplies(datasetsDir = __dirname): AdversarialReply[] {
  return readJsonl(join(datasetsDir, 'adversarial-replies.jsonl'), adversarialReplySchema);
}
