import { canonicalEmails } from './contacts';
import { canonicalMoney } from './money';
import { numberWordsToDigits } from './number-words';
import { foldUnicode } from './unicode';

/**
 * One spelling for every way a reply can write a figure or a contact, applied before every check: Unicode folding,
 * obfuscated emails, number words, then money. Idempotent, and plain ASCII replies in the usual forms come back
 * unchanged, so findings still quote the reply's own words.
 */
export function canonicalise(text: string): string {
  const cached = memo.get(text);
  if (cached !== undefined) return cached;
  const out = canonicalMoney(numberWordsToDigits(canonicalEmails(foldUnicode(text))));
  if (memo.size >= 512) memo.delete(memo.keys().next().value!);
  memo.set(text, out);
  return out;
}

// Each check canonicalises the same reply; a small cache keeps that to one pass per reply.
const memo = new Map<string, string>();

export { foldUnicode } from './unicode';
