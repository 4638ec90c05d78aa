/**
 * The wording of a benefit to the customer: money, a credit, a refund, a waiver, a discount, free service or
 * compensation, in any voice or tense. Patterns run on canonical text (see canonical/), so amounts are "$<digits>"
 * and number words are digits. "generic" patterns are the ones that name no kind of benefit ("$79 back", "added $20
 * to your account"); a sentence's specific words decide the kind when it has any.
 */
export type BenefitKind = 'refund_duplicate_charge' | 'goodwill_credit' | 'waive_fee' | 'discount' | 'free_service';

export interface BenefitHit {
  kind: BenefitKind;
  index: number;
  end: number;
  generic: boolean;
  /** Wording that is itself negative ("won't be charged"), so a "not" in front of it is no refusal. */
  negativeForm: boolean;
}

const MONEY_NOUN = String.raw`(?:money|funds?|cash|payments?|amount|charges?|fees?|balance|dollars?|bucks?|cents?|\$\d[\d.]*)`;

const PATTERNS: Array<[BenefitKind, RegExp, { generic?: boolean; negativeForm?: boolean }?]> = [
  ['refund_duplicate_charge', /\brefund\w*|\breimburs\w*|\brevers(?:e|ed|es|ing|al)\b|\bchargebacks?\b/gi],
  ['waive_fee', /\bwaiv\w*|\bwrit(?:e|es|ten|ing) (?:\w+ )?off\b|\bwip(?:e|ed|es|ing) (?:\w+ )?(?:off|out|clean)\b/gi],
  [
    'waive_fee',
    /\b(?:cancel(?:s|led|ling)?|remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|void(?:s|ed|ing)?|scrap(?:s|ped|ping)?|drop(?:s|ped|ping)?|eras(?:e|es|ed|ing)|strik(?:e|es|ing)|struck|revok(?:e|es|ed|ing)) (?:\w+ ){0,3}?(?:charges?|fees?|debts?|balance|amount owing|bill)\b/gi,
  ],
  [
    'waive_fee',
    /\b(?:won'?t|will not|wo not|shan'?t|not|never|no longer|don'?t|do not|doesn'?t|does not)\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:charg(?:e|ed|ing)|bill(?:ed|ing)?|invoic\w+|pay(?:ing)?|owe|debit\w*)\b|\bno (?:need|longer need) to pay\b|\bnothing (?:to pay|owing|is owed)\b|\b(?:no|zero|without) (?:extra |additional |further )?(?:charge|cost|fee|payment)s?\b|\bat no (?:extra |additional )?(?:cost|charge)\b|\bfree of charge\b/gi,
    { negativeForm: true },
  ],
  [
    'discount',
    /\bdiscount\w*|\b\d+(?:\.\d+)? ?(?:%|percent|per ?cent|pct) (?:off|less|cheaper|reduction|lower|discount)|\bhalf[- ](?:price|off)\b|\b(?:reduc|lower|cut|slash|drop|decreas)\w* (?:\w+ ){0,2}?(?:plan|bill|price|fee|rate|monthly|cost|charge)s?\b|\bprice (?:cut|drop|reduction)s?\b|\b(?:knock|take|taking|took|taken|shave|shaved|shaving)\w* (?:\S+ ){0,3}?off\b|\boff (?:your|the) (?:plan|bill|next|monthly|price|fee|invoice|account)/gi,
  ],
  ['free_service', /\bfree\b|\bcomplimentary\b|\bon the house\b|\bno-cost\b|\bgratis\b/gi],
  [
    'goodwill_credit',
    /\bcredit(?:s|ed|ing)?\b(?! (?:card|check|score|rating|history|limit|union|report|provider)s?\b)|\bcompensat\w*|\bgoodwill\b|\brecompense\w*|\brestitution\b|\bpa(?:y|id|ying|ys) (?:you|to you|into your|out)\b|\bpayouts?\b|(?<!\b(?:count|counting|rely|relying|depend|depending|call|reach|contact|focus|trust|lean|up to|wait|waiting)\s)\bon us\b|\bour (?:shout|treat)\b|\bgift\w*|\bvouchers?\b|\bbonus\w*|\brebates?\b|\bcash ?back\b|\bmake (?:it|this|that) up to you\b|\b(?:we|i)(?:'ll|'ve|'d| will| have| would| can)? (?:\w+ )?cover(?:ed|ing)? (?:the|that|this|your) (?:\w+ )?(?:cost|charge|bill|fee)s?\b|\babsorb\w*|\bdeduct\w* (?:\$\d[\d.]* )?(?:from|off) (?:your|the) (?:bill|invoice|next|plan|monthly|balance)|\bshout you\b|\bforgiv\w*|\bforg(?:o|oes|one|oing)\b|\bcoming your way\b|\bpay (?:\w+ ){0,2}?less\b/gi,
  ],
  [
    // Idioms in which we take a cost on ourselves: "we'll take care of the $79", "a balance adjustment of -$79".
    'goodwill_credit',
    /\b(?:we|i)(?:'ll|'ve|'d| will| have| would| can| are| am|'re|'m)? (?:\w+ )?(?:tak(?:e|es|ing)|took|taken) care of (?:the |that |this |your )?(?:\$\d|charges?|fees?|bill|costs?|amount)|\b(?:we|i)(?:'ll|'ve|'d| will| have| would| can| are| am|'re|'m)? (?:\w+ )?(?:sort(?:s|ed|ing)?(?: out)?|look(?:s|ed|ing)? after|settl(?:e|es|ed|ing)|handl(?:e|es|ed|ing)) (?:the |that |this |your )?\$\d|\b(?:balance|bill|billing|account|invoice) (?:adjustments?|corrections?)\b|\badjust(?:s|ed|ing|ment)? (?:\w+ ){0,2}?(?:bill|balance|account|invoice)s? (?:down|by)\b|\bpick(?:s|ed|ing)? up the (?:tab|bill|cost)\b|\bfoot(?:s|ed|ing)? the bill\b/gi,
  ],
  [
    'goodwill_credit',
    new RegExp(
      String.raw`\b${MONEY_NOUN}\s+(?:\w+\s+){0,2}?back\b|\bback (?:to|into|onto|on|in) your (?:account|card|bank|bill|balance|wallet|pocket)|\b(?:get|gets|getting|got|receive|receives|receiving|received|see|be given|paid|pay|paying|send|sending|sent|put|putting|transfer\w*|deposit\w*|return\w*)\s+back\s+(?:\$\d|all|your|the)|\b(?:add|adds|added|adding|appl(?:y|ies|ied|ying)|put|putting|transfer\w*|deposit\w*|give|given|giving|gave|receiv\w*|award\w*|grant\w*|return\w*)\b[^.;:!?]{0,30}?\$\d|\$\d[\d.]*\s+(?:(?:credit|refund|bonus|extra|straight|directly|right)\s+)?(?:back|off|to your|into your|onto your|towards? your|your way)\b|\$\d[\d.]*\s+(?:\w+\s+){0,2}?(?:lower|less|cheaper|smaller)\b|\btop(?:ped|ping)? up with\b|\b(?:return\w*|given|sent|paid|handed|transferr\w*|deposit\w*) (?:back )?(?:to you|into your|onto your|to your (?:card|account|bank))\b`,
      'gi',
    ),
    { generic: true },
  ],
];

// Phrases with a benefit word that promise nothing: masked (same length) before the patterns run.
const HARMLESS =
  /\bfeel free\b|\b(?:toll|hands|duty|virus|malware)[- ]free\b|\bfree(?:call| call| to)\b|\bfree up\b|\bfree (?:space|storage)\b|\bno-charge zone\b/gi;

export function benefitHits(sentence: string): BenefitHit[] {
  const masked = sentence.replace(HARMLESS, (m) => ' '.repeat(m.length));
  const hits: BenefitHit[] = [];
  for (const [kind, pattern, flags] of PATTERNS) {
    for (const m of masked.matchAll(pattern)) {
      hits.push({
        kind,
        index: m.index,
        end: m.index + m[0].length,
        generic: flags?.generic ?? false,
        negativeForm: flags?.negativeForm ?? false,
      });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}
