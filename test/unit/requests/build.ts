import type { ModelRequest } from '../../../activities/model/contract';
import { messagesBody } from '../../../activities/model/providers/messages-body';
import { estimateTokens } from '../../../tooling/emulators/script';

export const haiku = 'claude-haiku-4-5-20251001';

/** The exact body the Anthropic provider sends for a request (model id included), as the API receives it. */
export function bodyOf(request: ModelRequest<unknown>, modelId = haiku) {
  const { schema: _schema, ...rest } = request;
  return { model: modelId, ...messagesBody(rest, modelId, 'anthropic') };
}

type Body = ReturnType<typeof bodyOf>;

/** Tools, then system up to and including the last block marked for caching: what the API caches. */
export function cachedPrefix(body: Body): string {
  const system = body.system;
  const last = system.map((block) => 'cache_control' in block).lastIndexOf(true);
  return JSON.stringify({ tools: 'tools' in body ? body.tools : [], system: system.slice(0, last + 1) });
}

/** The emulator's token estimate of the cached prefix, counted as it counts (each block's text, tools as JSON). */
export function prefixTokens(body: Body): number {
  const tools = 'tools' in body ? body.tools : [];
  return [...tools, ...body.system.map((block) => block.text)].reduce<number>((n, v) => n + estimateTokens(v), 0);
}

/** Every place `needle` occurs in the serialised body, and whether each sits inside <tag>…</tag>. */
export function occurrencesOutside(body: Body, needle: string, tag: string): number {
  const texts = [...body.system.map((b) => b.text), ...body.messages.map((m) => m.content)];
  const tools = JSON.stringify('tools' in body ? body.tools : []);
  let outside = tools.split(needle).length - 1;
  for (const text of texts) {
    const inside = [...text.matchAll(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'g'))]
      .map((m) => m[0].split(needle).length - 1)
      .reduce((a, b) => a + b, 0);
    outside += text.split(needle).length - 1 - inside;
  }
  return outside;
}

/** Paths of schema properties without a description: every field the model fills must say what it is. */
export function undescribed(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
  const missing: string[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const c = child as { description?: string };
    if (!c.description) missing.push(`${path}${name}`);
    missing.push(...undescribed(child, `${path}${name}.`));
  }
  if (node.items) missing.push(...undescribed(node.items, `${path}[].`));
  for (const variant of node.anyOf ?? []) missing.push(...undescribed(variant, path));
  return missing;
}

export function inputSchemaOf(body: Body): { properties: Record<string, unknown> } {
  type Schema = { properties: Record<string, unknown> };
  if ('tools' in body) return body.tools[0]!.input_schema as unknown as Schema;
  return (body as unknown as { output_config: { format: { schema: Schema } } }).output_config.format.schema;
}
