import type { ModelExchange } from '../../activities/audit/sampling';

/** A model call as the audit samples it: a prompt whose one user message is `hi`, and the model's raw response. */
export const modelExchange = (prompt: Omit<ModelExchange['prompt'], 'messages'>, response: string): ModelExchange => ({
  prompt: { ...prompt, messages: [{ role: 'user', content: 'hi' }] },
  response,
});
