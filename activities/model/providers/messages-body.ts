import { transformJSONSchema } from '@anthropic-ai/sdk/lib/transform-json-schema';
import type { ProviderRequest, ProviderResponse } from '../contract';
import { constrainsOutput, modelFamily, type ProviderName } from '../model-families';

/** Anthropic's JSON Schema dialect for tool input: an object schema without the $schema marker. */
export function toolInputSchema(jsonSchema: Record<string, unknown>): { type: 'object'; [key: string]: unknown } {
  const { $schema: _ignored, ...rest } = jsonSchema;
  return { ...rest, type: 'object' };
}

/**
 * The strict dialect: every object closed, and the constraints the API does not enforce (lengths, ranges) moved into
 * descriptions by the SDK's own transform. The gateway's zod parse still enforces them.
 */
export function strictInputSchema(jsonSchema: Record<string, unknown>): { type: 'object'; [key: string]: unknown } {
  return { ...transformJSONSchema(toolInputSchema(jsonSchema)), type: 'object' };
}

/**
 * The Messages API body both providers send. Structured output is schema-constrained (a forced tool call, or
 * structured outputs for models that refuse forced tools), never parsed from prose. The system prompt
 * (instructions, taxonomy, policy) is the stable prefix and is marked for caching; Haiku 4.5 caches nothing
 * shorter than 4,096 tokens, so short prompts simply report no cache activity.
 */
export function messagesBody(request: ProviderRequest, modelId: string, provider: ProviderName = 'anthropic') {
  const family = modelFamily(modelId);
  const strict = constrainsOutput(provider, modelId);
  const inputSchema = strict ? strictInputSchema(request.jsonSchema) : toolInputSchema(request.jsonSchema);
  const messages: Array<{ role: 'user' | 'assistant'; content: string }> = [...request.prompt.messages];
  if (request.repairOf) {
    messages.push(
      { role: 'assistant', content: `Previous answer:\n${request.repairOf.text.slice(0, 4000)}` },
      {
        role: 'user',
        content: `That answer was rejected: ${request.repairOf.error}. Answer again with a ${request.task} result that satisfies its schema.`,
      },
    );
  }
  const system = [
    { type: 'text' as const, text: request.prompt.system, cache_control: { type: 'ephemeral' as const } },
  ];
  const base = {
    max_tokens: request.maxTokens,
    system,
    messages,
    ...(family.acceptsTemperature ? { temperature: 0 } : {}),
  };
  if (family.structuredOutput === 'json_schema') {
    // The title names the task, as the tool name does in forced-tool mode, so logs and emulators can tell calls apart.
    const schema = { ...inputSchema, title: request.task };
    return { ...base, output_config: { format: { type: 'json_schema' as const, schema } } };
  }
  return {
    ...base,
    tools: [
      {
        name: request.task,
        description: `Return the ${request.task.replace(/_/g, ' ')} result.`,
        input_schema: inputSchema,
        ...(strict ? { strict: true } : {}),
      },
    ],
    tool_choice: { type: 'tool' as const, name: request.task },
  };
}

interface MessageLike {
  model?: string;
  stop_reason?: string | null;
  content: Array<{ type: string; name?: string; input?: unknown; text?: string }>;
  usage?: {
    input_tokens?: number | null;
    output_tokens?: number | null;
    cache_read_input_tokens?: number | null;
    cache_creation_input_tokens?: number | null;
  };
}

export function fromMessage(task: string, message: MessageLike, modelId: string, requestId: string): ProviderResponse {
  const tool = message.content.find((block) => block.type === 'tool_use' && block.name === task);
  const text = tool
    ? JSON.stringify(tool.input ?? null)
    : message.content
        .filter((block) => block.type === 'text')
        .map((block) => block.text ?? '')
        .join('');
  return {
    text,
    usage: {
      inputTokens: message.usage?.input_tokens ?? 0,
      outputTokens: message.usage?.output_tokens ?? 0,
      cacheReadTokens: message.usage?.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage?.cache_creation_input_tokens ?? 0,
    },
    modelId: message.model ?? modelId,
    requestId,
    stopReason: message.stop_reason ?? 'unknown',
  };
}
