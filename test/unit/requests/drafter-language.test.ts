import type { ModelGateway } from '../../../activities/model/contract';
import { callDrafter } from '../../../activities/ticket/model-tasks';
import type { Draft } from '../../../domain/ticket';
import { loadPromptSet } from '../../../workers/model-deps';
import { creditPolicy, duplicateChargeAccount, duplicatePassage } from '../guardrails/fixtures';

const confident: Draft = {
  reply: 'Hola Jane, le devolvemos 99 dólares.',
  confidence: 0.95,
  escalationRequired: false,
  citedPassageIds: [],
  proposedActions: [],
};
const gateway = {
  call: async () => ({ output: confident, rawText: '{}', record: { task: 'draft_reply' } }),
} as unknown as ModelGateway;

const draftFor = (message: string) =>
  callDrafter(gateway, loadPromptSet().prompts.draft, {
    conversation: [message],
    classification: {
      intent: 'duplicate_charge',
      secondaryIntent: null,
      department: 'BILLING',
      confidence: 0.9,
      reason: 'x',
      needsClarification: false,
    },
    account: duplicateChargeAccount,
    passages: [duplicatePassage],
    creditPolicy,
  });

describe('the draft activity and languages the guardrails do not read', () => {
  it('hands a Spanish ticket to a person however confident the model is', async () => {
    const { draft } = await draftFor('Me cobraron dos veces la factura de este mes, quiero mi dinero');
    expect(draft.escalationRequired).toBe(true);
    expect(draft.confidence).toBeLessThanOrEqual(0.5);
  });

  it('leaves an English ticket as the model answered', async () => {
    const { draft } = await draftFor('I was charged twice for my plan this month');
    expect(draft).toEqual(confident);
  });
});
