import type { FraudSummary } from '../../../domain/fraud/summary';

type Action = FraudSummary['recommendedActions'][number];

/**
 * The fraud rule set, written once: the offline engine applies it and the summarise prompt renders it, so a real
 * model is told exactly the mapping the engine follows. Definitions paraphrase the detection SQL
 * (activities/fraud/detection-sql.ts); actions are listed most urgent first.
 */
export interface FraudPatternRule {
  pattern: string;
  definition: string;
  actions: Action[];
  /** A pattern that on its own makes the account high risk. */
  highRisk: boolean;
}

export const fraudPatternRules: readonly FraudPatternRule[] = [
  {
    pattern: 'roaming_spree',
    definition: 'roaming in many countries within a few days, out of line with the plan and travel history',
    actions: ['block_international_roaming', 'send_sms_verification'],
    highRisk: false,
  },
  {
    pattern: 'sim_swap',
    definition: 'a SIM change followed within hours by international or premium-rate calls',
    actions: ['send_sms_verification', 'escalate_to_fraud_team'],
    highRisk: true,
  },
  {
    pattern: 'usage_spike',
    definition: "a peak day of data far above the account's own median day",
    actions: ['send_sms_verification'],
    highRisk: false,
  },
  {
    pattern: 'subscription_mismatch',
    definition: 'heavy international calling on a plan that does not include it',
    actions: ['escalate_to_fraud_team'],
    highRisk: false,
  },
  {
    pattern: 'slow_bleed',
    definition: 'many small third-party or premium SMS charges from several vendors',
    actions: ['escalate_to_fraud_team'],
    highRisk: false,
  },
  {
    pattern: 'irsf',
    definition: 'calls to premium international number ranges (international revenue share fraud)',
    actions: ['block_international_roaming', 'escalate_to_fraud_team'],
    highRisk: true,
  },
];

const byPattern = new Map(fraudPatternRules.map((rule) => [rule.pattern, rule]));

/** An unknown pattern is a person's call, never silence. */
export function fraudActionsFor(patterns: readonly string[]): Action[] {
  const actions = patterns.flatMap((p): Action[] => byPattern.get(p)?.actions ?? ['escalate_to_fraud_team']);
  return [...new Set(actions)].slice(0, 4);
}

export const fraudRiskRule =
  'riskLevel is high when any pattern is marked high risk or when the account matches more than one pattern; ' +
  'otherwise medium. low is for an account whose evidence is weak or explained by the evidence itself.';

export function fraudRiskLevel(patterns: readonly string[]): 'high' | 'medium' {
  return patterns.some((p) => byPattern.get(p)?.highRisk) || patterns.length > 1 ? 'high' : 'medium';
}

/** The table as the prompt shows it: one line a pattern, in the order above. */
export function renderFraudRules(): string {
  const lines = fraudPatternRules.map(
    (r) => `${r.pattern} | ${r.definition} | ${r.actions.join(', ')} | ${r.highRisk ? 'high' : 'medium'}`,
  );
  return ['pattern | definition | actions, in this order | risk on its own', ...lines].join('\n');
}
