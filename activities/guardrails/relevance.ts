import type { Finding } from '../../domain/ticket';
import type { GuardrailInput } from './index';

/**
 * Relevance: a reply sent by itself must answer the question it was classified as. A draft can be fluent, grounded
 * and polite and still answer something else (a usage question met with a list of plan prices, a late-fee question
 * met with a roaming explanation); every other guardrail passes those. The checks are vocabulary, not meaning, so
 * they are written one way round only: a reply that never uses its intent's words, or dwells on a subject nobody
 * asked about, is held for a person. An error here never sends a worse reply; it moves the ticket to review.
 */
export interface RelevanceInput extends GuardrailInput {
  /** The intent the ticket was classified with; absent for callers that predate the check, which then skip it. */
  intent?: string;
}

const billing = /\b(?:bill|bills|billed|invoice|charge|charges|charged|statement|fee|payment)\b/i;
const network =
  /\b(?:speed|slow|restart\w*|modem|router|wi-?fi|signal|network|coverage|outage|apn|connection|maintenance|troubleshoot\w*|reception)\b/i;

/** At least one of these must appear in a reply to the intent. Intents not listed (hand-overs, vague) are not checked. */
const expected: Record<string, RegExp> = {
  check_usage: /\b(?:usage|used|remaining|left|allowance|renews)\b/i,
  check_excess_data_charges: /\b(?:overage|extra data|excess|over (?:your|the) (?:data )?allowance|\/GB|per GB)\b/i,
  dispute_invoice: billing,
  invoices: /\b(?:bills?|invoices?|statements?)\b/i,
  duplicate_charge: /\b(?:twice|duplicate|double|refund\w*|charged)\b/i,
  roaming_charge_query: /\b(?:roam\w*|overseas|abroad|international)\b/i,
  activate_roaming: /\b(?:roam\w*|overseas|abroad|international|travel)\b/i,
  pay: /\b(?:pay|paying|payment|payments|bpay|card|direct debit|recharge)\b/i,
  schedule_payments: /\b(?:direct debit|automatic\w*|auto|recurring|schedul\w*)\b/i,
  check_mobile_payments: /\b(?:premium sms|third[- ]party|purchases?|charges?|payments?)\b/i,
  slow_internet: network,
  network_outage: network,
  report_poor_signal_coverage: network,
  check_signal_coverage: /\b(?:coverage|signal|network|5G|4G|nbn|fibre|available|availability|address)\b/i,
  activate_phone: /\b(?:activat\w*|e?sim|set ?up|phone|device|wi-?fi calling)\b/i,
  install_internet: /\b(?:install\w*|connect\w*|nbn|fibre|technician|modem|appointment)\b/i,
  change_plan: /\b(?:plans?|upgrade|downgrade)\b/i,
  discount_request: /\b(?:discount\w*|promotions?|credit|price|offer)\b/i,
  get_compensation: /\b(?:credit\w*|compensation|goodwill|refund\w*)\b/i,
  check_cancellation_fee: /\b(?:fees?|cancel\w*|contract|early termination|final bill|repayments?)\b/i,
  data_export: /\b(?:export\w*|csv|download\w*|spreadsheet|file|history|records?)\b/i,
  account_access: /\b(?:log ?in|logging in|sign ?in|password|reset|locked|my account|verification|code)\b/i,
};

/** Subjects a reply may only raise when its intent, or the customer, did. */
interface Subject {
  name: string;
  inReply: (reply: string) => boolean;
  intents: ReadonlySet<string>;
  askedFor: RegExp;
}

const perMonth = /\$\s?\d[\d,.]*\s*(?:\/\s*month|a month|per month|monthly)/gi;
const roamingIntents = ['roaming_charge_query', 'activate_roaming', 'check_signal_coverage'];
// A bill explanation may name roaming charges the customer never mentioned, when the bill has them.
const billExplaining = new Set(['dispute_invoice', 'invoices', 'duplicate_charge', 'check_excess_data_charges']);
const subjects: Subject[] = [
  {
    name: 'a list of plan prices',
    inReply: (reply) => new Set(reply.match(perMonth) ?? []).size >= 2,
    intents: new Set(['change_plan', 'discount_request']),
    askedFor: /\b(?:plans|prices|price list|cheaper|cheapest|compare|upgrade|downgrade|what plans)\b/i,
  },
  {
    name: 'roaming',
    inReply: (reply) => /\b(?:roam\w*|overseas|abroad)\b/i.test(reply),
    intents: new Set(roamingIntents),
    askedFor: /\b(?:roam\w*|overseas|abroad|travel\w*|trip|holiday|international|country|countries)\b/i,
  },
];

export function checkRelevance(input: RelevanceInput): Finding[] {
  const { intent, reply, conversation, account } = input;
  if (!intent) return [];
  const findings: Finding[] = [];
  const needed = expected[intent];
  if (needed && !needed.test(reply)) {
    findings.push({
      code: 'off_topic_reply',
      severity: 'error',
      detail: `the reply does not address ${intent}: none of its subject's words appear`,
    });
  }
  const asked = conversation.join('\n');
  const billedRoaming = billExplaining.has(intent) && account.recentCharges.some((c) => c.kind === 'roaming');
  for (const subject of subjects) {
    if (!subject.inReply(reply) || subject.intents.has(intent) || subject.askedFor.test(asked)) continue;
    if (subject.name === 'roaming' && billedRoaming) continue;
    findings.push({
      code: 'off_topic_reply',
      severity: 'error',
      detail: `the reply to ${intent} is about ${subject.name}, which neither the intent nor the customer raised`,
    });
  }
  return findings;
}
