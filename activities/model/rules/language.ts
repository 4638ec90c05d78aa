/**
 * Which languages the reply guardrails can check. The credit, commitment and privacy rules read English only, so a
 * reply in another language could promise a credit they cannot see: such a ticket goes to a person, decided here in
 * code rather than left to the model.
 */
export const guardrailLanguages = ['en'] as const;

const stopwords: Record<string, string[]> = {
  en: ['the', 'my', 'is', 'and', 'to', 'i', 'you', 'it', 'for', 'have', 'was', 'not', 'can', 'on', 'me', 'a', 'of'],
  es: ['el', 'la', 'mi', 'es', 'y', 'que', 'no', 'por', 'para', 'con', 'una', 'los', 'las', 'del', 'factura'],
  fr: ['le', 'la', 'mon', 'ma', 'est', 'et', 'que', 'pas', 'pour', 'avec', 'une', 'les', 'des', 'je', 'facture'],
  de: ['der', 'die', 'das', 'mein', 'meine', 'ist', 'und', 'nicht', 'für', 'mit', 'ich', 'ein', 'eine', 'rechnung'],
  it: ['il', 'mio', 'mia', 'è', 'e', 'che', 'non', 'per', 'con', 'una', 'della', 'sono', 'fattura'],
  pt: ['o', 'meu', 'minha', 'é', 'e', 'que', 'não', 'para', 'com', 'uma', 'os', 'fatura', 'conta'],
  id: ['saya', 'tidak', 'yang', 'dan', 'ini', 'itu', 'dengan', 'untuk', 'tagihan', 'bisa'],
  vi: ['tôi', 'không', 'của', 'và', 'là', 'có', 'được', 'cho', 'hóa', 'đơn'],
};

/** The language a conversation is most likely in, by script and then by stopword counts; 'und' when unsure. */
export function detectLanguage(conversation: readonly string[]): string {
  const text = conversation.join('\n');
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 'und';
  const nonLatin = letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length;
  if (nonLatin / letters.length > 0.3) return 'non-latin';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestCount = 0;
  for (const [language, list] of Object.entries(stopwords)) {
    const set = new Set(list);
    const count = words.filter((w) => set.has(w)).length;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  // A short message with no stopwords at all ("nbn down??") is treated as English: most traffic is.
  return bestCount === 0 ? 'en' : best;
}

/**
 * Why the guardrails cannot cover this ticket, or null when they can. Both the stated locale and the text must be in a
 * covered language: an en-AU channel does not make a Spanish message checkable, nor English text an es locale's reply.
 */
export function uncoveredLanguage(conversation: readonly string[], locale?: string): string | null {
  const covered = (language: string) => (guardrailLanguages as readonly string[]).includes(language);
  const stated = locale?.slice(0, 2).toLowerCase();
  if (stated && !covered(stated)) return `the ticket's locale ${locale} is not one the guardrails check`;
  const detected = detectLanguage(conversation);
  if (detected === 'und' || covered(detected)) return null;
  return `the message reads as ${detected}`;
}
