import type { FlaggedAccount, FraudSummary } from '../../../domain/fraud/summary';
import { fraudActionsFor, fraudRiskLevel } from '../rules/fraud-patterns';

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

/** The offline engine's fraud summary: the SQL evidence in sentences, never a figure of its own. Not an LLM. */
export function summariseFraudOffline({ account }: SummariseFraudVariables): FraudSummary {
  const lines = account.patterns.map((p) => sentences[p]?.(account.evidence[p] ?? {}) ?? `Flagged for ${p}.`);
  // The mapping and the risk rule are the ones the summarise prompt renders (rules/fraud-patterns.ts).
  return {
    narrative: lines.join(' '),
    riskLevel: fraudRiskLevel(account.patterns),
    recommendedActions: fraudActionsFor(account.patterns),
  };
}
