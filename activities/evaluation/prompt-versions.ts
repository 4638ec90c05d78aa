import type { PromptTemplate } from '../model/prompt-library';

/** Prompt id → the slot of the prompt set that holds it: the prompts an evaluation records and may override. */
export const promptSlots = {
  'ticket/classify-intent': 'classify',
  'ticket/draft-reply': 'draft',
  'fault/diagnose': 'diagnose',
  'compliance/extract-incident': 'extractIncident',
  'fraud/summarise': 'summariseFraud',
} as const;

export type PromptSlot = (typeof promptSlots)[keyof typeof promptSlots];
export type EvaluatedPrompts = Record<PromptSlot, PromptTemplate>;

/** Prompt id → hash of the file that served it, as recorded on every model call and on every eval_runs row. */
export function promptVersionsOf(prompts: EvaluatedPrompts): Record<string, string> {
  return Object.fromEntries(Object.entries(promptSlots).map(([id, slot]) => [id, prompts[slot].version]));
}
