/**
 * Stakes read from the customer's own words, in code, beside the stakes of the intent the model chose. A model can
 * be wrong, or talked into a harmless label ("just a usage question"), so these rules can only raise stakes: a
 * message that matches one never goes out as an automatic reply, whatever the classification says.
 *
 * The patterns are deliberately broad. A false match costs an agent a minute; a missed closure, port-out, threat or
 * a stranger fishing for someone else's records costs far more. Text is NFKC-folded first, so full-width letters
 * and curly apostrophes read like their plain forms.
 */

export const stakesCategories = [
  'closure',
  'port_out',
  'fraud',
  'legal_threat',
  'ombudsman',
  'hardship',
  'vulnerability',
  'self_harm',
  'third_party',
] as const;
export type StakesCategory = (typeof stakesCategories)[number];

const relative =
  '(?:husband|wife|partner|ex|son|daughter|mum|mom|mother|dad|father|brother|sister|boyfriend|girlfriend|' +
  'friend|neighbou?r|client|employee|tenant|grandmother|grandfather|nan|grandma|grandpa|uncle|aunt|parents?)';
const records =
  '(?:account|number|phone|mobile|records?|bills?|invoices?|password|pin|calls?|call history|texts?|messages|' +
  'service|data|usage|address|details|history|location|sim)';

const RULES: Record<StakesCategory, RegExp[]> = {
  closure: [
    // A cancelled appointment is not a closure; everything else that cancels is.
    /\bcancel+(?:s|ed|ing|ation)?\b(?!.{0,25}\b(?:appointment|booking|visit)\b)/,
    /\bclos(?:e|ing)\b.{0,20}\b(?:account|service|plan|contract)\b/,
    /\b(?:terminat\w*|deactivat\w*)\b/,
    // "Disconnect my service", not "my internet keeps disconnecting", which is a fault.
    /\bdisconnect\s+(?:my|the|our|this|that|it)\b|\b(?:get|have|want)\s+(?:\w+\s+){0,3}disconnected\b/,
    /\bend(?:ing)?\s+(?:my|the|our)\s+(?:contract|plan|service|account)\b/,
    /\b(?:kill|shut\s*(?:off|down)|turn\s+off|block|bar)\s+(?:the\s+|my\s+|our\s+)?(?:\w+\s+){0,3}(?:sim|service|line|mobile)\b/,
  ],
  port_out: [
    /\bport(?:ed|ing)?\b.{0,30}\b(?:out|to|across|over|away)\b/,
    /\bport\s*-?\s*out\b/,
    /\b(?:switch\w*|mov\w*|go\w*|leav\w*|transfer\w*)\b.{0,40}\b(?:another|other|different|new)\s+(?:provider|carrier|telco|network|company)\b/,
    /\b(?:switch\w*|mov\w*|go\w*|leav\w*|transfer\w*|port\w*)\s+(?:\w+\s+){0,3}(?:to|for)\s+(?:optus|telstra|vodafone|tpg|aussie\s*broadband|belong|boost|amaysim|felix|dodo|iinet|superloop|lebara|circles)\b/,
    /\b(?:pac|port(?:ing)?\s+(?:code|authori[sz]ation))\b/,
  ],
  fraud: [
    /\b(?:fraud\w*|scam\w*|hack\w*|phish\w*|stolen\s+identity|identity\s+(?:theft|stolen|fraud))\b/,
    /\bsim\s*-?\s*swap\w*|\bswapp?ed\s+my\s+sim\b/,
    /\bwithout\s+my\s+(?:permission|consent|knowledge|authori[sz]ation)\b/,
    /\bunauthori[sz]ed\b/,
    /\b(?:stole|steal\w*)\b.{0,20}\b(?:identity|details|number|account)\b/,
    /\bsomeone\s+(?:else\s+)?(?:has\s+|have\s+)?(?:logged|log|got|gained|accessed|opened|used|using|ported|changed|is\s+using)\b/,
    /\b(?:never|didn\s?t|did\s+not)\s+(?:make|made|authori[sz]e|request|order|sign(?:ed)?\s+up)\b.{0,40}\b(?:calls?|purchases?|charges?|change|sim|port|service)\b/,
  ],
  legal_threat: [
    /\b(?:lawyers?|solicitors?|barristers?|attorney|legal\s+(?:action|advice|proceedings)|litigat\w*)\b/,
    /\b(?:sue|suing|sued|court|tribunal|class\s+action|accc|fair\s+trading|consumer\s+affairs)\b/,
  ],
  ombudsman: [/\b(?:tio|ombudsman|ombudsperson|t\.i\.o)\b/],
  hardship: [
    /\bhardship\b/,
    /\b(?:can\s?t|cannot|cant|unable\s+to|not\s+able\s+to)\s+(?:afford|pay|keep\s+up)\b/,
    /\b(?:lost\s+my\s+job|unemployed|redundan\w*|centrelink|jobseeker|pension\s+only|bankrupt\w*)\b/,
    /\b(?:arrears|debt\s+collect\w*|collections?\s+agency|payment\s+(?:plan|arrangement|extension))\b/,
    /\b(?:doing\s+it\s+tough|struggling\s+(?:to\s+pay|financially|with\s+(?:money|bills))|pause\s+(?:my\s+)?payments?)\b/,
    /\bmore\s+time\s+to\s+pay\b/,
  ],
  vulnerability: [
    /\b(?:elderly|live\s+alone|disab\w*|dementia|carer|terminal\w*|cancer|chemo\w*|life\s+support)\b/,
    /\bmedical\s+(?:alarm|alert|device|condition|emergency|equipment)\b/,
    /\b(?:domestic|family)\s+violence\b|\babus\w*\b|\bstalk\w*\b|\bescaping\b/,
    /\b(?:scared|afraid|frightened|terrified)\s+of\b/,
    /\bpriority\s+assistance\b|\bhearing\s+impair\w*\b/,
  ],
  self_harm: [
    /\b(?:suicid\w*|kill\s+myself|self\s*-?\s*harm|hurt\s+myself|end\s+my\s+life)\b/,
    /\bend(?:ing)?\s+it\s+all\b/,
    /\b(?:won\s?t|not|no\s+longer)\s+be\s+(?:alive|(?:here|around)\s+(?:anymore|any\s+more|much\s+longer))\b/,
    /\b(?:if|whether)\s+i\s?(?:ll|will)\s+(?:still\s+)?be\s+(?:here|around|alive)\b/,
    /\b(?:can\s?t|cannot)\s+(?:cope|go\s+on|take\s+(?:it|this|any\s*more))\b/,
    /\bno\s+reason\s+to\s+live\b|\bdon\s?t\s+want\s+to\s+(?:live|be\s+here)\b/,
  ],
  third_party: [
    new RegExp(`\\bmy\\s+${relative}\\s*s?\\b.{0,40}\\b${records}\\b`),
    new RegExp(`\\b(?:his|her|their)\\s+(?:\\w+\\s+){0,2}${records}\\b`),
    /\b(?:on\s+(?:his|her|their|behalf)|behalf\s+of|power\s+of\s+attorney|executor|next\s+of\s+kin|guardian)\b/,
    /\b(?:police|detective|constable|warrant|subpoena|court\s+order)\b/,
    /\b(?:for|in|part\s+of)\s+(?:an?|the|our|a\s+criminal)\s+investigation\b/,
    /\b(?:passed\s+away|deceased|died)\b/,
    // Possessives only (apostrophes are folded away): "the account holder's", not "I am the account holder".
    /\b(?:account\s+holders|someone\s+elses|another\s+persons|other\s+persons)\b/,
    /\bwho\s+(?:owns|has)\s+(?:this|that|the)\s+number\b|\bwho\s+(?:he|she|they)\s?(?:s|is|has|have)?\s+(?:been\s+)?(?:calling|texting|messaging)\b/,
    /\b(?:i\s?m|i\s+am)\s+(?:his|her|their|the)\s+(?:lawyer|solicitor|wife|husband|partner|mother|father|mum|dad|son|daughter|carer|guardian|agent|representative|boss|manager|employer)\b/,
    new RegExp(`\\b(?:calling|writing|asking|enquiring|contacting\\s+you)\\s+(?:for|about)\\s+my\\s+${relative}\\b`),
  ],
};

/** NFKC folds full-width and compatibility forms; apostrophes are dropped so "can't" and "cant" read the same. */
export function foldForRules(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019'`´]/g, '')
    .replace(/\s+/g, ' ');
}

export interface StakesReading {
  stakes: 'normal' | 'high';
  /** Every category the customer's words matched, in the order of stakesCategories. */
  categories: StakesCategory[];
}

/** Reads every customer message (a clarifying answer can raise stakes too); never reads the model's output. */
export function stakesFromMessages(messages: readonly string[]): StakesReading {
  const text = foldForRules(messages.join('\n'));
  const categories = stakesCategories.filter((category) => RULES[category].some((rule) => rule.test(text)));
  return { stakes: categories.length ? 'high' : 'normal', categories };
}

/** The model's stakes and the rules', whichever is higher. */
export function raiseStakes(fromIntent: 'normal' | 'high', reading: StakesReading): 'normal' | 'high' {
  return fromIntent === 'high' || reading.stakes === 'high' ? 'high' : 'normal';
}
