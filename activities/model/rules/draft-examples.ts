import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accountContextSchema, passageSchema } from '../../../domain/account';
import { jsonForPrompt, promptsDir } from '../prompt-library';
import { draftWireSchema } from './ticket-schemas';

/**
 * Worked replies the draft prompt shows: a situation (the facts, passages and message as the model receives them,
 * passages cut to the sentences used), the answer in the order the model decides it, and why. They show the rules of
 * the prompt applied, so each must pass the guardrails against its own facts (test/unit/requests/draft-examples.test.ts).
 * They also carry the stable prefix over Haiku 4.5's 4,096-token cache minimum. The file is reviewed like code.
 */
export const draftExampleSchema = z
  .object({
    why: z.string().min(1),
    intent: z.string().min(1),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    facts: accountContextSchema.omit({ contact: true, customerRef: true }),
    passages: z.array(passageSchema).min(1),
    message: z.string().min(1),
    answer: draftWireSchema,
  })
  .strict();
export type DraftExample = z.infer<typeof draftExampleSchema>;

const cache = new Map<string, { examples: DraftExample[]; text: string }>();

/** Read, validated and rendered once per file: a draft call only reuses the text. */
function loaded(dir: string) {
  const path = join(dir, 'ticket', 'draft-examples.json');
  let entry = cache.get(path);
  if (!entry) {
    const examples = z
      .array(draftExampleSchema)
      .min(1)
      .parse(JSON.parse(readFileSync(path, 'utf8')));
    entry = { examples, text: render(examples) };
    cache.set(path, entry);
  }
  return entry;
}

export const loadDraftExamples = (dir = promptsDir): DraftExample[] => loaded(dir).examples;

/** The worked replies as the draft prompt shows them: the same bytes for every ticket, part of the cached prefix. */
export const workedRepliesText = (dir = promptsDir): string => loaded(dir).text;

/** The answer's fields in the wire schema's order, so the examples decide in the order the model is asked to. */
function orderedAnswer(answer: DraftExample['answer']) {
  const { proposedActions, citedPassageIds, reply, escalationRequired, confidence } = answer;
  return { proposedActions, citedPassageIds, reply, escalationRequired, confidence };
}

function render(examples: readonly DraftExample[]): string {
  return examples
    .map((e) =>
      [
        `<worked_reply intent="${e.intent}" current_date="${e.today}">`,
        `<why>${e.why.replace(/</g, '‹')}</why>`,
        `<example_facts>${jsonForPrompt(e.facts)}</example_facts>`,
        `<example_passages>${jsonForPrompt(e.passages)}</example_passages>`,
        `<example_message>${e.message.replace(/</g, '‹')}</example_message>`,
        `<example_answer>${jsonForPrompt(orderedAnswer(e.answer))}</example_answer>`,
        '</worked_reply>',
      ].join('\n'),
    )
    .join('\n');
}
