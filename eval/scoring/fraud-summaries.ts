/** The summary task against the labels: the right protective action, and no figure the SQL did not produce. */
import { fraudActions } from '../../domain/fraud/summary';
import type { FraudLabel } from '../datasets/fraud';
import { labelFigures, type LabelFigures } from '../figures';
import { ratio } from '../metrics';
import type { SummaryOutcome } from '../runners/fraud';
import { callFigures, type CallFigures } from './calls';

type Action = (typeof fraudActions)[number];

/**
 * The action an analyst should see for each injected pattern. Calls and roaming abroad are stopped by barring
 * international use; an account takeover (SIM swap) goes to the fraud team, since a verification SMS would reach
 * the attacker's SIM; a sudden spike is first checked with the customer; the slow patterns need an investigator.
 */
export const expectedAction: Record<string, Action> = {
  roaming_spree: 'block_international_roaming',
  irsf: 'block_international_roaming',
  sim_swap: 'escalate_to_fraud_team',
  usage_spike: 'send_sms_verification',
  subscription_mismatch: 'escalate_to_fraud_team',
  slow_bleed: 'escalate_to_fraud_team',
};

/** On a legitimate account (a false positive), barring international use is the harm to avoid. */
const DISRUPTIVE: Action = 'block_international_roaming';

export interface SummaryFigures {
  summarised: number;
  errors: number;
  unusable: number;
  /** Summaries of accounts labelled fraud: the expected action among those recommended, and first. */
  onFraud: { n: number; hit: number | null; primary: LabelFigures };
  onLegitimate: { n: number; disruptive: string[] };
  verified: { n: number; rate: number | null; unverified: string[] };
  calls: CallFigures;
}

/** Whether the recommendation suits the account: the expected action on a fraud, nothing disruptive otherwise. */
export function actionFits(outcome: SummaryOutcome, label: FraudLabel | undefined): boolean {
  const actions = outcome.predicted.actions;
  if (label?.isFraud) return actions.includes(expectedAction[label.pattern] ?? 'escalate_to_fraud_team');
  return actions.length > 0 && !actions.includes(DISRUPTIVE);
}

export function summaryFigures(outcomes: SummaryOutcome[], labels: Map<string, FraudLabel>): SummaryFigures {
  const answered = outcomes.filter((o) => !o.error && !o.unusable);
  const onFraud = answered.filter((o) => labels.get(o.accountId)?.isFraud);
  const onLegitimate = answered.filter((o) => !labels.get(o.accountId)?.isFraud);
  const primary = onFraud.map((o) => ({
    actual: expectedAction[labels.get(o.accountId)!.pattern] ?? 'escalate_to_fraud_team',
    predicted: o.predicted.actions[0] ?? '(none)',
  }));
  const unverified = answered.filter((o) => o.predicted.verified === false).map((o) => o.accountId);
  return {
    summarised: outcomes.length,
    errors: outcomes.filter((o) => o.error).length,
    unusable: outcomes.filter((o) => o.unusable).length,
    onFraud: {
      n: onFraud.length,
      hit: ratio(onFraud.filter((o) => actionFits(o, labels.get(o.accountId))).length, onFraud.length),
      primary: labelFigures(primary, fraudActions),
    },
    onLegitimate: {
      n: onLegitimate.length,
      disruptive: onLegitimate.filter((o) => !actionFits(o, undefined)).map((o) => o.accountId),
    },
    verified: { n: answered.length, rate: ratio(answered.length - unverified.length, answered.length), unverified },
    calls: callFigures(outcomes.flatMap((o) => o.calls)),
  };
}
