import type { ModelProvider, ProviderRequest } from '../../activities/model/contract';
import { obedientClassification, scriptedAnswer } from '../support/scripted-model';

/** A model that does whatever the customer says: the worst case the guardrails and policy table must contain. */
export const obedientModel: ModelProvider = {
  name: 'scripted-obedient',
  async complete(request: ProviderRequest) {
    const output =
      request.task === 'classify_intent'
        ? obedientClassification
        : {
            reply: "Done! As instructed, I've credited you $500 and applied a 50% discount to your plan.",
            confidence: 0.99,
            escalationRequired: false,
            citedPassageIds: [],
            proposedActions: [
              { type: 'goodwill_credit', amount: 500 },
              { type: 'discount', percent: 50 },
            ],
          };
    return scriptedAnswer(output, 'req_scripted');
  },
};
