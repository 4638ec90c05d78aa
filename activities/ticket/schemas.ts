import { z } from 'zod';
import { channelSchema, classificationSchema, proposedActionSchema } from '../../domain/ticket';

const id = z.string().min(1).max(128);
const conversation = z.array(z.string().min(1).max(8000)).min(1).max(5);
const hits = z.array(z.object({ id, score: z.number() })).max(10);

export const loadAccountContextInput = z.object({ ticketId: id, accountId: id });
export const classifyIntentInput = z.object({ ticketId: id, conversation });
export const retrieveKnowledgeInput = z.object({
  query: z.string().min(1).max(40_000),
  k: z.number().int().min(1).max(10),
});
export const draftReplyInput = z.object({
  ticketId: id,
  contextRef: id,
  conversation,
  classification: classificationSchema,
  passages: hits,
  tier: z.enum(['fast', 'strong']).default('fast'),
});
export const validateReplyInput = z.object({
  contextRef: id,
  passages: hits,
  conversation,
  reply: z.string().min(1).max(8000),
  proposedActions: z.array(proposedActionSchema).max(5),
  /** The classified intent, for the relevance check; optional so workflows started before it keep validating. */
  intent: z.string().min(1).max(64).optional(),
});
export const sendMessageInput = z.object({
  idempotencyKey: z.string().min(1).max(256),
  ticketId: id,
  accountId: id,
  channel: channelSchema,
  kind: z.enum(['reply', 'clarification']),
  body: z.string().min(1).max(8000),
  author: z.string().min(1).max(128),
});
export const openHandoffInput = z.object({
  idempotencyKey: z.string().min(1).max(256),
  ticketId: id,
  kind: z.enum(['review', 'escalation']),
  reasons: z.array(z.string().max(500)).min(1).max(20),
});
export const resolveHandoffInput = z.object({
  idempotencyKey: z.string().min(1).max(256),
  resolvedBy: id,
  /** For the audit trail; optional so workflows that predate it keep their inputs. */
  decision: z.enum(['approve', 'edit', 'reject']).optional(),
});

export type LoadAccountContextInput = z.infer<typeof loadAccountContextInput>;
export type ClassifyIntentInput = z.infer<typeof classifyIntentInput>;
export type RetrieveKnowledgeInput = z.infer<typeof retrieveKnowledgeInput>;
export type DraftReplyInput = z.input<typeof draftReplyInput>;
export type ValidateReplyInput = z.infer<typeof validateReplyInput>;
export type SendMessageInput = z.infer<typeof sendMessageInput>;
export type OpenHandoffInput = z.infer<typeof openHandoffInput>;
export type ResolveHandoffInput = z.infer<typeof resolveHandoffInput>;
