import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RenderedPrompt } from './contract';

export const promptsDir = resolve(__dirname, '..', '..', 'prompts');

export interface PromptTemplate {
  id: string;
  /** First 12 hex digits of the file's SHA-256: any edit to the file is a new version. */
  version: string;
  system: string;
  user: string;
}

export function promptVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Prompt files hold a `<!-- system -->` section and a `<!-- user -->` section with {{variable}} slots. */
export function parsePromptFile(id: string, text: string): PromptTemplate {
  const match = /<!--\s*system\s*-->([\s\S]*?)<!--\s*user\s*-->([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`prompt ${id} needs a <!-- system --> and a <!-- user --> section`);
  return { id, version: promptVersion(text), system: match[1]!.trim(), user: match[2]!.trim() };
}

export function loadPrompt(id: string, dir = promptsDir): PromptTemplate {
  return parsePromptFile(id, readFileSync(join(dir, `${id}.md`), 'utf8'));
}

function fill(template: string, slots: Record<string, string>, id: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`prompt ${id} needs a value for {{${name}}}`);
    return value;
  });
}

export function renderPrompt(template: PromptTemplate, slots: Record<string, string>): RenderedPrompt {
  return {
    id: template.id,
    version: template.version,
    system: fill(template.system, slots, template.id),
    messages: [{ role: 'user', content: fill(template.user, slots, template.id) }],
  };
}

/** Customer text is fenced and its tags neutralised so it cannot close the fence and pose as instructions. */
export function fenceCustomerMessages(messages: string[]): string {
  return messages
    .map((message) => `<customer_message>${message.replace(/<\/?customer_message>/gi, '')}</customer_message>`)
    .join('\n');
}

/** JSON for a tagged prompt slot. "<" is escaped so hostile text inside the data cannot close the tag around it. */
export function jsonForPrompt(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
