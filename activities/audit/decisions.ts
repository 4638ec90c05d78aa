import { Context } from '@temporalio/activity';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { actorSchema, appendAudit } from './chain';
import { callerRef, callingRun } from '../caller';

export const automatic = 'system:switchboard';

/** Shallow metadata only (ids, verdicts, counts): free text and personal data stay out of the audit trail. */
export const decisionDetailsSchema = z
  .record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]))
  .refine((details) => Object.keys(details).length <= 20, 'at most 20 details');

export interface Decision {
  action: string;
  actor: string;
  details: z.infer<typeof decisionDetailsSchema>;
  workflowId: string | null;
  /** The same step retried carries the same key and is recorded once. */
  dedupeKey: string;
}

/** Appends a decision row; pass the client of an open transaction to commit it with the business write. */
export async function appendDecision(db: Pool | PoolClient, decision: Decision): Promise<boolean> {
  const appended = await appendAudit(db, {
    kind: 'decision',
    workflowId: decision.workflowId,
    actor: decision.actor,
    action: decision.action,
    details: decision.details,
    dedupeKey: decision.dedupeKey,
  });
  return appended !== null;
}

/**
 * The running activity as a dedupe key: its id is stable across retries of the same scheduled activity and
 * differs between two scheduled activities, so a retry is recorded once and two real decisions twice.
 */
export function activityDecisionKey(action: string): { workflowId: string | null; dedupeKey: string } {
  // The run too: fault ids recur, and activity ids restart at 1 in every run of the same workflow id.
  const dedupeKey = `${callerRef()}/${Context.current().info.activityId}/${action}`;
  return { workflowId: callingRun()?.workflowId ?? null, dedupeKey };
}

/**
 * A person's id as an actor. Ids are validated where they enter, so the fallback is for the impossible case: the
 * business write must not fail over how its audit row names someone.
 */
export function personActor(role: 'agent' | 'oncall' | 'analyst' | 'reviewer', id: string): string {
  const actor = `${role}:${id}`;
  return actorSchema.safeParse(actor).success ? actor : 'system:unattributed';
}

/** Message authors as actors: `switchboard` is the automatic sender, `agent:<id>` a person. */
export function actorForAuthor(author: string): string {
  if (author === 'switchboard') return automatic;
  if (actorSchema.safeParse(author).success) return author;
  return personActor('agent', author);
}
