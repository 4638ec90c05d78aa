import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RenderedPrompt } from './contract';

export const promptsDir = resolve(__dirname, '..', '..', 'prompts');

export interface PromptTemplate {
  id: string;
  /** First 12 hex digits of the SHA-256 of the file and the files it renders: any edit to them is a new version. */
  version: string;
  system: string;
  user: string;
}

export function promptVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Prompt files hold a `<!-- system -->` section and a `<!-- user -->` section with {{variable}} slots. */
export function parsePromptFile(id: string, text: string, rendered = ''): PromptTemplate {
  const match = /<!--\s*system\s*-->([\s\S]*?)<!--\s*user\s*-->([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`prompt ${id} needs a <!-- system --> and a <!-- user --> section`);
  return { id, version: promptVersion(text + rendered), system: match[1]!.trim(), user: match[2]!.trim() };
}

/**
 * Files a prompt renders into its text besides its own slots' data: a changed example or intent is a changed prompt,
 * so its version (recorded on every model call and in every calibration) must change with it.
 */
const renderedFiles: Record<string, readonly string[]> = {
  'ticket/classify-intent': ['ticket/taxonomy.json', 'ticket/few-shot.json'],
  'ticket/draft-reply': ['ticket/draft-examples.json'],
};

export function loadPrompt(id: string, dir = promptsDir): PromptTemplate {
  // A prompt variant's directory may override only the .md file: its other files come from prompts/.
  const read = (file: string) => readFileSync(existsSync(join(dir, file)) ? join(dir, file) : join(promptsDir, file));
  const rendered = (renderedFiles[id] ?? []).map((file) => `\n<!-- ${file} -->\n${read(file)}`);
  return parsePromptFile(id, readFileSync(join(dir, `${id}.md`), 'utf8'), rendered.join(''));
}

/** The current version of each prompt, as a worker reading `dir` would record it on its model calls. */
export function promptVersionsOf<Id extends string>(ids: readonly Id[], dir = promptsDir): Record<Id, string> {
  return Object.fromEntries(ids.map((id) => [id, loadPrompt(id, dir).version])) as Record<Id, string>;
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
