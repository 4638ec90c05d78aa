/**
 * The labelled ticket set: the held-out rows of the intent training data (intent and department labels only, from the
 * same deterministic split as scripts/eval-intents.ts) plus our own cases (tickets-cases.jsonl, beside this file, so
 * the build ships it with the worker's monthly fairness activity) and the eight seed examples, which also carry the
 * route they must take.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { departmentSchema, routes } from '../../domain/ticket';
import type { Taxonomy } from '../../domain/taxonomy';
import { demoTickets, seedExpectations } from '../../domain/seed-examples';
import { loadTrainingExamples, splitHeldOut, type LabelledExample } from '../model/offline/intent-classifier';
import { readJsonl } from './jsonl';

/** Must match scripts/eval-intents.ts, or the offline engine would be scored on rows it was trained on. */
export const HELD_OUT_FRACTION = 0.2;
/** Any account works for a classify-only row: it is never drafted. */
const CLASSIFY_ONLY_ACCOUNT = 'ACC-2001';

export const ticketCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    accountId: z.string().regex(/^ACC-\d+$/),
    message: z.string().min(1).max(8000),
    clarifyAnswer: z.string().min(1).optional(),
    intent: z.string().optional(),
    department: departmentSchema.optional(),
    route: z.enum(routes).optional(),
    tags: z.array(z.string()).default([]),
    /** Classify-only rows stop after classification; full rows are drafted, checked and routed. */
    stage: z.enum(['classify', 'full']).default('full'),
  })
  .strict();
export type TicketCase = z.infer<typeof ticketCaseSchema>;

export interface TicketDataset {
  cases: TicketCase[];
  /** Rows the offline engine may learn from: the training CSVs minus the held-out fraction. */
  train: LabelledExample[];
  source: { heldOut: number; own: number; seed: number };
}

function seedCases(): TicketCase[] {
  return seedExpectations.map(([label, intent, route]) => {
    const demo = demoTickets.find((t) => t.label === label);
    if (!demo) throw new Error(`seed expectation "${label}" has no demo ticket`);
    return ticketCaseSchema.parse({
      id: `seed-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
      accountId: demo.ticket.accountId,
      message: demo.ticket.message,
      clarifyAnswer: demo.customerAnswer,
      intent,
      route,
      tags: ['seed'],
    });
  });
}

export function loadTicketDataset(taxonomy: Taxonomy, promptsDir: string, datasetsDir = __dirname): TicketDataset {
  const { train, heldOut } = splitHeldOut(
    loadTrainingExamples(join(promptsDir, 'ticket', 'training')),
    HELD_OUT_FRACTION,
  );
  const heldOutCases = heldOut.map((row, index) =>
    ticketCaseSchema.parse({
      id: `heldout-${String(index + 1).padStart(3, '0')}`,
      accountId: CLASSIFY_ONLY_ACCOUNT,
      message: row.text,
      intent: row.label,
      tags: ['held-out'],
      stage: 'classify',
    }),
  );
  const own = readJsonl(join(datasetsDir, 'tickets-cases.jsonl'), ticketCaseSchema);
  const seeds = seedCases();
  const cases = checkedCases([...seeds, ...own, ...heldOutCases], taxonomy);
  return { cases, train, source: { heldOut: heldOutCases.length, own: own.length, seed: seeds.length } };
}

/** An operator's own labelled tickets, one JSON object a line in the same shape as tickets-cases.jsonl. */
export function readOperatorCases(path: string, taxonomy: Taxonomy): TicketCase[] {
  return checkedCases(readJsonl(path, ticketCaseSchema), taxonomy);
}

/** Intents must be the taxonomy's, the department follows from the intent unless given, and ids are unique. */
function checkedCases(cases: TicketCase[], taxonomy: Taxonomy): TicketCase[] {
  const department = new Map(taxonomy.intents.map((i) => [i.id, i.department]));
  const ids = new Set<string>();
  return cases.map((c) => {
    if (c.intent && !department.has(c.intent)) throw new Error(`${c.id}: intent ${c.intent} is not in the taxonomy`);
    if (ids.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    ids.add(c.id);
    return { ...c, department: c.department ?? (c.intent ? department.get(c.intent) : undefined) };
  });
}

/** Full-pipeline cases first, so a `--limit` slice still exercises drafting, guardrails and routing. */
export function sliceCases(cases: TicketCase[], limit: number | undefined): TicketCase[] {
  return limit === undefined ? cases : cases.slice(0, limit);
}
