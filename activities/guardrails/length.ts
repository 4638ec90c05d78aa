import type { Finding } from '../../domain/ticket';
import type { GuardrailInput } from './index';
import { quote } from './extract';

/** The drafting prompt asks for under 150 words; longer replies read as evasive in chat and cost more to review. */
export const MAX_WORDS = 150;

/** Tokens with a letter or digit, so a dash or bullet on its own does not count as a word. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

export function checkLength({ reply }: Pick<GuardrailInput, 'reply'>): Finding[] {
  const all = words(reply);
  if (all.length <= MAX_WORDS) return [];
  const overflow = all.slice(MAX_WORDS).join(' ');
  return [
    {
      code: 'too_long',
      severity: 'error',
      detail: `reply has ${all.length} words, over the ${MAX_WORDS}-word limit; the excess starts at ${quote(overflow, 40)}`,
    },
  ];
}
