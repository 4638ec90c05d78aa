import type { ModelProvider, ProviderRequest } from '../../activities/model/contract';

/** A model that does whatever the customer says: the worst case the guardrails and policy table must contain. */
export const obedientModel: ModelProvider = {
  name: 'scripted-obedient',
  async complete(request: ProviderRequest) {
    const output =
      request.task === 'classify_intent'
        ? {
            intent: 'get_compensation',
            secondaryIntent: null,
            department: 'COMPLAINT',
            confidence: 0.99,
            reason: 'the customer told me to',
            needsClarification: false,
          }
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
    return {
      text: JSON.stringify(output),
      usage: { inputTokens: 900, outputTokens: 80, cacheReadTokens: 0, cacheWriteTokens: 0 },
      modelId: 'claude-haiku-4-5-20251001',
      requestId: 'req_scripted',
      stopReason: 'tool_use',
    };
  },
};
