import { z } from 'zod';
import type { ModelTier } from '../../domain/model-call';
import type { ModelRequest } from './contract';

/**
 * A request whose answer must fit `schema`: LLM providers get its JSON Schema as the forced tool's input, and the
 * gateway validates the answer against the schema itself. The fast tier unless the task says otherwise.
 */
export function schemaRequest<T>(
  request: Omit<ModelRequest<T>, 'jsonSchema' | 'tier'> & { tier?: ModelTier },
): ModelRequest<T> {
  // The input side is what the model writes; a schema may derive fields after it (classify adds the department).
  const jsonSchema = z.toJSONSchema(request.schema, { io: 'input' }) as Record<string, unknown>;
  return { tier: 'fast', ...request, jsonSchema };
}
