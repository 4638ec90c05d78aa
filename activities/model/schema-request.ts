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
  return { tier: 'fast', ...request, jsonSchema: jsonSchemaOf(request.schema) };
}

/** Converted once per schema: the conversion showed in the loaded worker's CPU profile, and its result never varies. */
const converted = new WeakMap<z.ZodType, Record<string, unknown>>();

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let jsonSchema = converted.get(schema);
  // The input side is what the model writes; a schema may derive fields after it (classify adds the department).
  if (!jsonSchema)
    converted.set(schema, (jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>));
  return jsonSchema;
}
