/** The routes the seed examples must take, whichever model provider serves them: [label, intent, route, outcome]. */
export const seedExpectations: Array<[string, string | undefined, string, string]> = [
  ['double charge', 'duplicate_charge', 'send', 'replied'],
  ['Thailand roaming', 'roaming_charge_query', 'send', 'replied'],
  ['CSV export', 'data_export', 'send', 'replied'],
  ['vague problem', 'account_access', 'send', 'replied'],
  ['50% discount', 'discount_request', 'review', 'agent_replied'],
  ['bill + slow internet', undefined, 'review', 'agent_replied'],
  ['prompt injection', undefined, 'escalate', 'escalated'],
  ['fraud report', 'report_fraud', 'escalate', 'escalated'],
];
