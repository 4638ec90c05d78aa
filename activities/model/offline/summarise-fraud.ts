import type { FlaggedAccount, FraudSummary } from '../../../domain/fraud/summary';

export interface SummariseFraudVariables {
  account: FlaggedAccount;
}

const sentences: Record<string, (e: Record<string, unknown>) => string> = {
  roaming_spree: (e) =>
    `Roaming in ${e.countries} countries in ${e.window_days} days (${e.roaming_mb} MB) on a ${e.plan_type} plan.`,
  sim_swap: (e) =>
    `A SIM change followed within ${e.window_hours} hours by ${e.calls_after_sim_change} international or premium calls costing $${e.charged}.`,
  usage_spike: (e) => `A peak day of ${e.peak_daily_mb} MB against a median day of ${e.median_daily_mb} MB.`,
  subscription_mismatch: (e) =>
    `${e.international_minutes} international minutes over ${e.international_calls} calls on a ${e.plan_type} plan.`,
  slow_bleed: (e) => `${e.micro_charges} micro-charges from ${e.vendors} vendors totalling $${e.total}.`,
  irsf: (e) => `${e.premium_international_calls} calls to premium international ranges costing $${e.charged}.`,
};

type Action = FraudSummary['recommendedActions'][number];
const actionsFor: Record<string, Action[]> = {
  roaming_spree: ['block_international_roaming', 'send_sms_verification'],
  sim_swap: ['send_sms_verification', 'escalate_to_fraud_team'],
  usage_spike: ['send_sms_verification'],
  subscription_mismatch: ['escalate_to_fraud_team'],
  slow_bleed: ['escalate_to_fraud_team'],
  irsf: ['block_international_roaming', 'escalate_to_fraud_team'],
};

/** The offline engine's fraud summary: the SQL evidence in sentences, never a figure of its own. Not an LLM. */
export function summariseFraudOffline({ account }: SummariseFraudVariables): FraudSummary {
  const lines = account.patterns.map((p) => sentences[p]?.(account.evidence[p] ?? {}) ?? `Flagged for ${p}.`);
  const actions = [...new Set(account.patterns.flatMap((p): Action[] => actionsFor[p] ?? ['escalate_to_fraud_team']))];
  const high = account.patterns.some((p) => p === 'sim_swap' || p === 'irsf') || account.patterns.length > 1;
  return {
    narrative: lines.join(' '),
    riskLevel: high ? 'high' : 'medium',
    recommendedActions: actions.slice(0, 4),
  };
}
