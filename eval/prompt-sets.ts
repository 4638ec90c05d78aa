import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPrompt, promptsDir } from '../activities/model/prompt-library';
import { loadPromptSet, type PromptSet } from '../workers/model-deps';
import { promptSlots, promptVersionsOf, type PromptSlot } from '../activities/evaluation/prompt-versions';

export const variantsDir = join(__dirname, 'prompt-variants');

export interface ResolvedPromptSet {
  name: string;
  set: PromptSet;
  /** Prompt id → hash of the file that served it, as recorded on every model call. */
  versions: Record<string, string>;
}

const slots: Record<string, PromptSlot | undefined> = promptSlots;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') && name !== 'README.md' ? [path] : [];
  });
}

/** `current` is prompts/ as checked in; another name is a directory of override files under eval/prompt-variants. */
export function resolvePromptSet(name: string, baseDir = promptsDir, overridesDir = variantsDir): ResolvedPromptSet {
  const set = loadPromptSet(baseDir);
  if (name !== 'current') {
    const dir = join(overridesDir, name);
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(dir)) {
      const known = readdirSync(overridesDir).filter((d) => statSync(join(overridesDir, d)).isDirectory());
      throw new Error(`unknown prompt version "${name}": use current or one of ${known.join(', ')}`);
    }
    for (const file of markdownFiles(dir)) {
      const id = relative(dir, file).replace(/\\/g, '/').replace(/\.md$/, '');
      const slot = slots[id];
      if (!slot) throw new Error(`${file}: ${id} is not a prompt the evaluation can override`);
      set.prompts[slot] = loadPrompt(id, dir);
    }
  }
  return { name, set, versions: promptVersionsOf(set.prompts) };
}
