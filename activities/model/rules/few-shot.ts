import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Taxonomy } from '../../../domain/taxonomy';
import { promptsDir } from '../prompt-library';

/**
 * Labelled examples the classify prompt shows, three per intent, chosen from the training split of
 * prompts/ticket/training (never the held-out 20% the evaluation scores). The file is reviewed like code.
 */
export type FewShot = Record<string, string[]>;

const cache = new Map<string, FewShot>();

export function loadFewShot(dir = promptsDir): FewShot {
  const path = join(dir, 'ticket', 'few-shot.json');
  let shots = cache.get(path);
  if (!shots) {
    shots = JSON.parse(readFileSync(path, 'utf8')) as FewShot;
    cache.set(path, shots);
  }
  return shots;
}

/** In taxonomy order, so the rendered block (part of the cached prefix) is the same for every ticket. */
export function renderFewShot(taxonomy: Taxonomy, shots: FewShot): string {
  return taxonomy.intents
    .flatMap((intent) =>
      (shots[intent.id] ?? []).map((text) => `<example intent="${intent.id}">${text.replace(/</g, '‹')}</example>`),
    )
    .join('\n');
}
