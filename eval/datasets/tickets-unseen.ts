/**
 * The hand-written set (tickets-unseen.jsonl): customer messages written for issue 14 without looking at Bitext, the
 * training CSVs or the offline engine's answers, with paraphrases, slang, typos, two-request messages and Australian
 * telco words. Each row says its department, intent and whether it may be sent without a person (false for
 * high-stakes intents, two requests, vague openings and messages the stakes rules must catch).
 *
 * A fixed 30% (by a hash of the text, so it cannot be chosen) is held out: tuning looks at the rest only, and the
 * held-out part is scored at the end. None of it is ever training data; test/unit/tickets/unseen-set.test.ts checks.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { departmentSchema } from '../../domain/ticket';
import type { Taxonomy } from '../../domain/taxonomy';
import { hashText } from '../../activities/model/offline/intent-classifier';
import { readJsonl } from '../../activities/evaluation/jsonl';
import { ticketCaseSchema, type TicketCase } from '../../activities/evaluation/ticket-cases';

export const UNSEEN_HOLDOUT_FRACTION = 0.3;
const HOLDOUT_SALT = 'unseen-holdout:';

export const unseenRowSchema = z
  .object({
    id: z.string().regex(/^unseen-\d{3}$/),
    accountId: z.string().regex(/^ACC-\d+$/),
    message: z.string().min(1).max(8000),
    intent: z.string(),
    secondaryIntent: z.string().optional(),
    department: departmentSchema,
    /** May this message be answered with no person involved, if the answer is right? */
    autoSend: z.boolean(),
    tags: z.array(z.string()),
  })
  .strict();
export type UnseenRow = z.infer<typeof unseenRowSchema>;

export type UnseenPart = 'tuning' | 'held-out';
export const partOf = (message: string): UnseenPart =>
  hashText(message, HOLDOUT_SALT) / 2 ** 32 < UNSEEN_HOLDOUT_FRACTION ? 'held-out' : 'tuning';

export function loadUnseenRows(taxonomy: Taxonomy, datasetsDir = __dirname): UnseenRow[] {
  const department = new Map(taxonomy.intents.map((i) => [i.id, i.department]));
  const rows = readJsonl(join(datasetsDir, 'tickets-unseen.jsonl'), unseenRowSchema);
  for (const row of rows) {
    for (const id of [row.intent, row.secondaryIntent].filter((x): x is string => x !== undefined)) {
      if (!department.has(id)) throw new Error(`${row.id}: intent ${id} is not in the taxonomy`);
    }
    if (department.get(row.intent) !== row.department) throw new Error(`${row.id}: department disagrees with intent`);
  }
  return rows;
}

/** As full-pipeline ticket cases, tagged `unseen` and with their part, so the runner drafts, checks and routes them. */
export function unseenCases(rows: readonly UnseenRow[]): Array<TicketCase & { autoSend: boolean }> {
  return rows.map((row) => ({
    ...ticketCaseSchema.parse({
      id: row.id,
      accountId: row.accountId,
      message: row.message,
      intent: row.intent,
      department: row.department,
      tags: ['unseen', `unseen-${partOf(row.message)}`, ...row.tags],
      stage: 'full',
    }),
    autoSend: row.autoSend,
  }));
}
